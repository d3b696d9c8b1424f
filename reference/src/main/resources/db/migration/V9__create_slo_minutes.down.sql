DROP TABLE IF EXISTS slo_minutes;
