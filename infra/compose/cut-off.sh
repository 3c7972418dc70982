#!/bin/sh
# Cut a person off at once (staff detained, a device seized): docs/security.md, "Cut someone off".
#
#   ./cut-off.sh USERNAME [ADMIN_USERNAME]
#
# In one go, in the running compose deployment: disables the person's Keycloak account (no new
# sign-in), then logs them out through Keycloak's admin API, which ends all their Keycloak sessions,
# revokes their refresh tokens and tells the gateway, which drops their sessions (OIDC back-channel
# logout). Access tokens already handed out expire within 5 minutes (the realm's lifespan).
# Asks for the Keycloak administrator's password; nothing is stored outside the container's /tmp.
set -eu
user="${1:?usage: ./cut-off.sh USERNAME [ADMIN_USERNAME]}"
admin="${2:-${KEYCLOAK_ADMIN_USERNAME:-admin}}"
kcadm() {
  docker compose exec -T keycloak /opt/keycloak/bin/kcadm.sh "$@" --config /tmp/cut-off.kcadm
}
docker compose exec keycloak /opt/keycloak/bin/kcadm.sh config credentials \
  --config /tmp/cut-off.kcadm --server http://localhost:8080 --realm master --user "$admin"
id="$(kcadm get users -r coalition -q exact=true -q username="$user" --fields id --format csv --noquotes | tr -d '\r')"
if [ -z "$id" ]; then
  echo "No user $user in the coalition realm." >&2
  exit 1
fi
kcadm update "users/$id" -r coalition -s enabled=false
kcadm create "users/$id/logout" -r coalition
docker compose exec -T keycloak rm -f /tmp/cut-off.kcadm
echo "$user is disabled and signed out everywhere; re-enable the account in the admin console."
