#!/usr/bin/env bash
# Makes sure the machine has what the test tiers use: Debian's chromium (browser
# tier), Chinese fonts (screenshots, PDFs, the OCR test set), poppler (PDF checks) and a
# PostgreSQL server on 127.0.0.1:5432 (server-mode tiers). Installs from
# Debian's packages when something is missing; starts PostgreSQL if stopped.
set -uo pipefail

SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo -n"

need=()
command -v chromium >/dev/null || need+=(chromium)
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-microhei)
# Song and Kai faces for the OCR test set's pages (several fonts, issue 8)
fc-list 2>/dev/null | grep -q "AR PL UMing" || need+=(fonts-arphic-uming)
fc-list 2>/dev/null | grep -q "AR PL UKai" || need+=(fonts-arphic-ukai)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
ls /etc/postgresql 2>/dev/null | grep -q . || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "system-deps: installing from Debian: ${need[*]}"
  $SUDO apt-get update -qq || true
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"; then
    echo "system-deps: could not install ${need[*]}; install them as root and retry" >&2
    exit 1
  fi
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  ver=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "system-deps: starting PostgreSQL $ver"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "system-deps: PostgreSQL is not reachable on 127.0.0.1:5432" >&2
  exit 1
fi
