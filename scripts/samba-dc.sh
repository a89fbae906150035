#!/usr/bin/env bash
# Throwaway Samba Active Directory domain controllers for the AD-mode tests, with the project's own schema LDIF
# applied. Needs root and Debian's samba packages (scripts/install-test-deps.sh installs them).
#
#   scripts/samba-dc.sh start DIR     one DC on 127.0.0.1 (LDAP 389, LDAPS 636); settings in DIR/ad.env
#   scripts/samba-dc.sh stop DIR
#
# A second domain, with two DCs, for the tests that the AD store binds to the PDC emulator and fails over:
#   scripts/samba-dc.sh start-pair DIR              DC1 (PDC emulator) on 127.0.0.11 and DC2 (joined to DC1's domain)
#                                                   on 127.0.0.12; settings in DIR/pair.env
#   scripts/samba-dc.sh stop-pair DIR
#   scripts/samba-dc.sh stop-member DIR dc1|dc2     stop or start one DC of the pair
#   scripts/samba-dc.sh start-member DIR dc1|dc2
#   scripts/samba-dc.sh replicate DIR FROM TO       pull FROM's domain partition changes into TO, now
# Linux routes all of 127.0.0.0/8 to the loopback interface, so each DC gets its own address with no network set-up
# and nothing of the pair touches 127.0.0.1 (or /etc). The pair runs no replication service: changes move between
# the DCs only by "replicate", so a test knows exactly where a write was made. No DNS either: joining and
# replicating go by address.
set -euo pipefail
cmd=${1:?start, stop, start-pair, stop-pair, stop-member, start-member or replicate}
DIR=${2:?directory}
REALM=ADATUM.LABNET
BASE="DC=adatum,DC=labnet"
ADMINPASS='Sm4ba-Test-Admin!'
here=$(cd "$(dirname "$0")/.." && pwd)

# --- one DC: shared steps ------------------------------------------------------------------------------------------

# provision DCDIR HOSTNAME ADDRESS INTERFACES
provision() {
  mkdir -p "$1/run" "$1/log"
  samba-tool domain provision --targetdir="$1" --realm=$REALM --domain=ADATUM --server-role=dc \
    --dns-backend=NONE --adminpass="$ADMINPASS" --host-name="$2" --host-ip="$3" \
    --option="interfaces=$4" --option="bind interfaces only=yes" > "$1/log/provision.log" 2>&1 \
    || { echo "provisioning $2 failed:" >&2; tail -30 "$1/log/provision.log" >&2; exit 1; }
}

# configure DCDIR SERVICES TLS-LINES: the services to run, the run-time files inside DCDIR, the TLS settings.
configure() {
  local conf="$1/etc/smb.conf"
  sed -i '/^\s*log file\s*=/d; /^\s*server services\s*=/d' "$conf"
  sed -i "/^\[global\]/a\\
\tserver services = $2\\
\tldap server require strong auth = no\\
\tdsdb:schema update allowed = true\\
\tpid directory = $1/run\\
\tncalrpc dir = $1/run/ncalrpc\\
\twinbindd socket directory = $1/run/winbindd\\
\tntp signd socket directory = $1/run/ntp_signd\\
\tlog file = $1/log/log.%m\\
$3" "$conf"
}

# wait_for_ldap ADDRESS DCDIR
wait_for_ldap() {
  for i in $(seq 1 100); do
    if ldapsearch -x -H "ldap://$1" -D "Administrator@${REALM,,}" -w "$ADMINPASS" -s base -b '' dnsHostName > /dev/null 2>&1; then return 0; fi
    [ "$i" = 100 ] && { echo "samba did not answer on $1:389" >&2; tail -50 "$2"/log/log.* >&2 || true; exit 1; }
    sleep 0.2
  done
}

# apply_schema ADDRESS: the same LDIFs administrators get (schema, its 2.0 additions, the settings/devices
# container), with their DC=X placeholder pointed at this domain.
apply_schema() {
  for ldif in SecureMFA_OTP_schema.ldf SecureMFA_OTP_schema_v2.ldf SecureMFA_OTP_container.ldf; do
    sed "s/DC=X\$/$BASE/; s/DC=X\r\$/$BASE\r/" "$here/ad-schema/$ldif" | tr -d '\r' > "$DIR/$ldif"
    ldapmodify -x -H "ldap://$1" -D "Administrator@${REALM,,}" -w "$ADMINPASS" -f "$DIR/$ldif" > "$DIR/log/$ldif.log" 2>&1 \
      || { echo "applying ad-schema/$ldif failed:" >&2; cat "$DIR/log/$ldif.log" >&2; exit 1; }
  done
}

# stop_samba DCDIR
stop_samba() {
  if [ -f "$1/run/samba.pid" ]; then
    kill "$(cat "$1/run/samba.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$1/run/samba.pid" ] && kill -0 "$(cat "$1/run/samba.pid")" 2>/dev/null || break; sleep 0.1; done
  fi
}

# --- the DC on 127.0.0.1 -------------------------------------------------------------------------------------------

if [ "$cmd" = stop ]; then stop_samba "$DIR"; exit 0; fi

if [ "$cmd" = start ]; then
  stop_samba "$DIR"
  # Another directory server on these ports would answer in place of ours: refuse rather than test the wrong one.
  if (exec 3<>/dev/tcp/127.0.0.1/389) 2>/dev/null || (exec 3<>/dev/tcp/127.0.0.1/636) 2>/dev/null; then
    echo "127.0.0.1:389 or :636 is already in use (an earlier domain controller still running?); stop it first." >&2
    exit 1
  fi
  rm -rf "$DIR" && mkdir -p "$DIR/run" "$DIR/log" "$DIR/tls"
  provision "$DIR" DC1 127.0.0.1 lo

  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$DIR/tls/key.pem" -out "$DIR/tls/cert.pem" > "$DIR/log/tls.log" 2>&1
  chmod 600 "$DIR/tls/key.pem"
  configure "$DIR" "ldap, kdc" "\ttls enabled = yes\\
\ttls keyfile = $DIR/tls/key.pem\\
\ttls certfile = $DIR/tls/cert.pem\\
\ttls cafile = $DIR/tls/cert.pem"

  samba -s "$DIR/etc/smb.conf" -D
  wait_for_ldap 127.0.0.1 "$DIR"
  apply_schema 127.0.0.1

  cat > "$DIR/ad.env" <<ENV
export SECUREMFA_AD_SERVER=127.0.0.1
export SECUREMFA_AD_PORT=636
export SECUREMFA_AD_USER=Administrator@${REALM,,}
export SECUREMFA_AD_PASSWORD='$ADMINPASS'
export SECUREMFA_AD_BASE='$BASE'
export LDAPTLS_CACERT=$DIR/tls/cert.pem
ENV
  echo "samba AD DC ready on 127.0.0.1 (settings in $DIR/ad.env)"
  exit 0
fi

# --- the pair on 127.0.0.11 and 127.0.0.12 -------------------------------------------------------------------------

declare -A ADDRESS=([dc1]=127.0.0.11 [dc2]=127.0.0.12)

start_member() {
  samba -s "$DIR/$1/etc/smb.conf" -D
  wait_for_ldap "${ADDRESS[$1]}" "$DIR/$1"
}

stop_pair() {
  stop_samba "$DIR/dc1"
  stop_samba "$DIR/dc2"
}

# Only rpc (what joining and replicating talk to), ldap (what the store talks to) and cldap (how a join finds the
# DC): no drepl, kcc or dns, so the DCs neither replicate on their own nor need names resolved. Plain LDAP (389) only:
# the tests of the pair are about which DC takes a write, not about TLS, which the DC on 127.0.0.1 covers.
PAIR_SERVICES="rpc, ldap, cldap"

case "$cmd" in
  start-pair)
    stop_pair
    for address in "${ADDRESS[@]}"; do
      if (exec 3<>"/dev/tcp/$address/389") 2>/dev/null; then
        echo "$address:389 is already in use (an earlier pair still running?); stop it first with stop-pair." >&2
        exit 1
      fi
    done
    rm -rf "$DIR" && mkdir -p "$DIR/log"

    # An address with a prefix length is taken as given; a bare one would have to be configured on an interface.
    provision "$DIR/dc1" DC1 "${ADDRESS[dc1]}" "${ADDRESS[dc1]}/8"
    configure "$DIR/dc1" "$PAIR_SERVICES" "\ttls enabled = no"
    start_member dc1
    apply_schema "${ADDRESS[dc1]}"

    # The join pulls DC1's schema (with ours), configuration and domain partitions over DRSUAPI, by address and with
    # NTLM: Kerberos would need the KDC's name resolved. DC2 becomes a writable DC; DC1 keeps every FSMO role.
    mkdir -p "$DIR/dc2/run" "$DIR/dc2/log"
    samba-tool domain join "${REALM,,}" DC --targetdir="$DIR/dc2" --server="${ADDRESS[dc1]}" \
      -U "ADATUM\\Administrator%$ADMINPASS" --use-kerberos=off --dns-backend=NONE \
      --option="netbios name=DC2" --option="interfaces=${ADDRESS[dc2]}/8" --option="bind interfaces only=yes" \
      > "$DIR/dc2/log/join.log" 2>&1 \
      || { echo "DC2 could not join DC1's domain:" >&2; tail -30 "$DIR/dc2/log/join.log" >&2; exit 1; }
    configure "$DIR/dc2" "$PAIR_SERVICES" "\ttls enabled = no"
    start_member dc2

    cat > "$DIR/pair.env" <<ENV
export SECUREMFA_PAIR_DC1=${ADDRESS[dc1]}
export SECUREMFA_PAIR_DC2=${ADDRESS[dc2]}
export SECUREMFA_PAIR_USER=Administrator@${REALM,,}
export SECUREMFA_PAIR_PASSWORD='$ADMINPASS'
export SECUREMFA_PAIR_DIR=$DIR
export SECUREMFA_PAIR_SCRIPT=$here/scripts/samba-dc.sh
ENV
    echo "samba AD DC pair ready: DC1 (PDC emulator) ${ADDRESS[dc1]}, DC2 ${ADDRESS[dc2]} (settings in $DIR/pair.env)"
    ;;
  stop-pair)
    stop_pair
    ;;
  stop-member)
    stop_samba "$DIR/${3:?dc1 or dc2}"
    ;;
  start-member)
    start_member "${3:?dc1 or dc2}"
    ;;
  replicate)
    from=${3:?dc1 or dc2}
    to=${4:?dc1 or dc2}
    samba-tool drs replicate "${to^^}" "${ADDRESS[$from]}" "$BASE" --local -s "$DIR/$to/etc/smb.conf" \
      -U "ADATUM\\Administrator%$ADMINPASS" --use-kerberos=off > "$DIR/replicate.log" 2>&1 \
      || { echo "replicating $from to $to failed:" >&2; tail -20 "$DIR/replicate.log" >&2; exit 1; }
    ;;
  *)
    echo "unknown command $cmd" >&2
    exit 2
    ;;
esac
