#!/usr/bin/env bash
# Starts (or stops) a throwaway Samba Active Directory domain controller on 127.0.0.1 for the AD-mode
# tests, with the project's own schema LDIF applied, and writes the connection settings to $DIR/ad.env.
#   scripts/samba-dc.sh start DIR     scripts/samba-dc.sh stop DIR
# Needs root and Debian's samba packages (scripts/install-test-deps.sh installs them).
set -euo pipefail
cmd=${1:?start or stop}
DIR=${2:?directory}
REALM=ADATUM.LABNET
BASE="DC=adatum,DC=labnet"
ADMINPASS='Sm4ba-Test-Admin!'
here=$(cd "$(dirname "$0")/.." && pwd)

stop() {
  if [ -f "$DIR/run/samba.pid" ]; then
    kill "$(cat "$DIR/run/samba.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$DIR/run/samba.pid" ] && kill -0 "$(cat "$DIR/run/samba.pid")" 2>/dev/null || break; sleep 0.1; done
  fi
}

if [ "$cmd" = stop ]; then stop; exit 0; fi

stop
# Another directory server on these ports would answer in place of ours: refuse rather than test the wrong one.
if (exec 3<>/dev/tcp/127.0.0.1/389) 2>/dev/null || (exec 3<>/dev/tcp/127.0.0.1/636) 2>/dev/null; then
  echo "127.0.0.1:389 or :636 is already in use (an earlier domain controller still running?); stop it first." >&2
  exit 1
fi
rm -rf "$DIR" && mkdir -p "$DIR/run" "$DIR/log" "$DIR/tls"
samba-tool domain provision --targetdir="$DIR" --realm=$REALM --domain=ADATUM --server-role=dc \
  --dns-backend=NONE --adminpass="$ADMINPASS" --host-name=DC1 --host-ip=127.0.0.1 \
  --option="interfaces=lo" --option="bind interfaces only=yes" > "$DIR/log/provision.log" 2>&1

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" > "$DIR/log/tls.log" 2>&1
chmod 600 "$DIR/tls/key.pem"

conf="$DIR/etc/smb.conf"
sed -i '/^\s*log file\s*=/d; /^\s*server services\s*=/d' "$conf"
sed -i "/^\[global\]/a\\
\tserver services = ldap, kdc\\
\tldap server require strong auth = no\\
\tdsdb:schema update allowed = true\\
\tpid directory = $DIR/run\\
\tncalrpc dir = $DIR/run/ncalrpc\\
\twinbindd socket directory = $DIR/run/winbindd\\
\tntp signd socket directory = $DIR/run/ntp_signd\\
\tlog file = $DIR/log/log.%m\\
\ttls enabled = yes\\
\ttls keyfile = $DIR/tls/key.pem\\
\ttls certfile = $DIR/tls/cert.pem\\
\ttls cafile = $DIR/tls/cert.pem" "$conf"

samba -s "$conf" -D
for i in $(seq 1 100); do
  if ldapsearch -x -H ldap://127.0.0.1 -D "Administrator@${REALM,,}" -w "$ADMINPASS" -s base -b '' dnsHostName > /dev/null 2>&1; then break; fi
  [ "$i" = 100 ] && { echo "samba did not answer on 127.0.0.1:389" >&2; tail -50 "$DIR"/log/log.* >&2 || true; exit 1; }
  sleep 0.2
done

# The same LDIFs administrators get (schema, its 2.0 additions, the settings/devices container), with their
# DC=X placeholder pointed at this domain.
for ldif in SecureMFA_OTP_schema.ldf SecureMFA_OTP_schema_v2.ldf SecureMFA_OTP_container.ldf; do
  sed "s/DC=X\$/$BASE/; s/DC=X\r\$/$BASE\r/" "$here/ad-schema/$ldif" | tr -d '\r' > "$DIR/$ldif"
  ldapmodify -x -H ldap://127.0.0.1 -D "Administrator@${REALM,,}" -w "$ADMINPASS" -f "$DIR/$ldif" > "$DIR/log/$ldif.log" 2>&1 \
    || { echo "applying ad-schema/$ldif failed:" >&2; cat "$DIR/log/$ldif.log" >&2; exit 1; }
done

cat > "$DIR/ad.env" <<ENV
export SECUREMFA_AD_SERVER=127.0.0.1
export SECUREMFA_AD_PORT=636
export SECUREMFA_AD_USER=Administrator@${REALM,,}
export SECUREMFA_AD_PASSWORD='$ADMINPASS'
export SECUREMFA_AD_BASE='$BASE'
export LDAPTLS_CACERT=$DIR/tls/cert.pem
ENV
echo "samba AD DC ready on 127.0.0.1 (settings in $DIR/ad.env)"
