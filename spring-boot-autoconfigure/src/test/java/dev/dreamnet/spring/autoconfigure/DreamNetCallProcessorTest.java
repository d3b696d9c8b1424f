package dev.dreamnet.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The quick test that rules a bean out before Spring searches its methods: it must miss no place the annotation goes. */
class DreamNetCallProcessorTest {

    @DreamNetCall("pricing")
    static class AnnotatedClass {
        String price() {
            return "1";
        }
    }

    static class AnnotatedMethod {
        @DreamNetCall("pricing")
        String price() {
            return "1";
        }
    }

    interface Pricing {
        @DreamNetCall("pricing")
        String price();
    }

    static class ImplementsAnAnnotatedInterface implements Pricing {
        @Override
        public String price() {
            return "1";
        }
    }

    static class ExtendsAnImplementation extends ImplementsAnAnnotatedInterface implements Runnable {
        @Override
        public void run() {
        }
    }

    @DreamNetCall("pricing")
    interface AnnotatedInterface {
    }

    static class SubclassOfAnAnnotatedClass extends AnnotatedClass {
    }

    static class ImplementsAnAnnotatedType extends ArrayList<String> implements AnnotatedInterface {
    }

    static class Plain extends ArrayList<String> implements Runnable {
        @Deprecated
        public void price() {
        }

        @Override
        public void run() {
        }
    }

    @Test
    void findsTheAnnotationOnTheTypeItsMethodsTheirSuperclassesAndInterfaces() {
        assertThat(DreamNetCallProcessor.declaresCall(AnnotatedClass.class)).isTrue();
        assertThat(DreamNetCallProcessor.declaresCall(AnnotatedMethod.class)).isTrue();
        assertThat(DreamNetCallProcessor.declaresCall(ImplementsAnAnnotatedInterface.class)).isTrue();
        assertThat(DreamNetCallProcessor.declaresCall(ExtendsAnImplementation.class)).isTrue();
        assertThat(DreamNetCallProcessor.declaresCall(SubclassOfAnAnnotatedClass.class)).isTrue();
        assertThat(DreamNetCallProcessor.declaresCall(ImplementsAnAnnotatedType.class)).isTrue();
    }

    static class ExtendsASpringClass extends org.springframework.util.AntPathMatcher {
        @DreamNetCall("pricing")
        String price() {
            return "1";
        }
    }

    @Test
    void findsItOnAnApplicationTypeThatExtendsALibrarysWhoseTypesAreNotRead() {
        assertThat(DreamNetCallProcessor.declaresCall(ExtendsASpringClass.class)).isTrue();
        assertThat(DreamNetCallProcessor.declaresCall(org.springframework.util.AntPathMatcher.class)).isFalse();
    }

    @Test
    void rulesOutATypeWithoutIt() {
        assertThat(DreamNetCallProcessor.declaresCall(Plain.class)).isFalse();
        assertThat(DreamNetCallProcessor.declaresCall(String.class)).isFalse();
        assertThat(DreamNetCallProcessor.declaresCall(DreamNetCallProcessor.class)).isFalse();
    }
}
