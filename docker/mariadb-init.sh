#!/bin/bash
# Run once by the MariaDB image on an empty data directory (docker-entrypoint-initdb.d, sourced by its entrypoint):
# the application user MARIADB_USER may create and use the thidua_* databases (one per service).
docker_process_sql --database=mysql <<SQL
GRANT ALL PRIVILEGES ON \`thidua\\_%\`.* TO '${MARIADB_USER}'@'%';
FLUSH PRIVILEGES;
SQL
