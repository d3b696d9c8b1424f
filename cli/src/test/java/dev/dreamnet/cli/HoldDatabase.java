package dev.dreamnet.cli;

import java.sql.Connection;
import java.sql.DriverManager;

/** A separate process that keeps an H2 file database open (as a running server does) until its stdin closes. */
public final class HoldDatabase {

    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0])) {
            System.out.println(connection.isValid(5) ? "ready" : "not valid");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the database open until the test closes our stdin or kills us.
            }
        }
    }
}
