#!/bin/bash
# Run by the postgres image once, when its data volume is empty: one database and one login role
# per user of PostgreSQL. Passwords come from the container's environment (the compose .env file),
# passed to psql as variables so no password is ever pasted into SQL text.
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v cases_password="$CASES_DB_PASSWORD" \
  -v workflow_password="$WORKFLOW_DB_PASSWORD" \
  -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE cases LOGIN PASSWORD :'cases_password';
CREATE ROLE workflow LOGIN PASSWORD :'workflow_password';
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_password';

CREATE DATABASE cases OWNER cases;
CREATE DATABASE workflow OWNER workflow;
CREATE DATABASE keycloak OWNER keycloak;

-- Each service reaches its own database only.
REVOKE ALL ON DATABASE cases FROM PUBLIC;
REVOKE ALL ON DATABASE workflow FROM PUBLIC;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
SQL
