#!/usr/bin/env bash
# Installs the Debian 12 packages tabel needs to build, test and run (chromium, chromium-driver and python3-selenium
# for the web journal's browser test; clang and its libFuzzer runtime for tests/fuzz; Liberation fonts, metric-compatible
# with Times New Roman, for the printed forms; poppler-utils and python3-openpyxl to read printed PDFs and XLSX in
# tests).
# Idempotent: packages already present are not touched; nothing is downloaded outside Debian's archive.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git ca-certificates
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6core6 libqt6network6
    libsqlcipher-dev sqlcipher
    libgit2-dev libzstd-dev libsodium-dev libssl-dev libjemalloc-dev
    fonts-dejavu-core fonts-liberation2
    libxlsxwriter-dev libkainjow-mustache-dev poppler-utils python3-openpyxl
    clang-format
    clang libclang-rt-14-dev
    chromium chromium-driver python3-selenium
    faketime
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "deploy: all build dependencies are installed"
    exit 0
fi

echo "deploy: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
