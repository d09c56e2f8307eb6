-- Run once by the MariaDB image on an empty data directory (docker-entrypoint-initdb.d), after it has created the
-- user MARIADB_USER (compose.yaml: thidua): that user may create and use the thidua_* databases, one per service.
GRANT ALL PRIVILEGES ON `thidua\_%`.* TO 'thidua'@'%';
FLUSH PRIVILEGES;
