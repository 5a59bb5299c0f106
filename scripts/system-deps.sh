#!/usr/bin/env bash
# Installs the Debian packages the real-browser tests need, when they are missing:
# Chromium and Firefox ESR (never a Playwright or Puppeteer browser download), speech-dispatcher with espeak-ng voices,
# PulseAudio for real-time speech. Needs root (CI and these machines run as root).
set -euo pipefail
need=()
command -v /usr/lib/chromium/chromium >/dev/null 2>&1 || need+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || need+=(firefox-esr)
command -v speech-dispatcher >/dev/null 2>&1 || need+=(speech-dispatcher speech-dispatcher-espeak-ng)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v pulseaudio >/dev/null 2>&1 || need+=(pulseaudio pulseaudio-utils)
# The UI languages besides en-US (npm run screenshots shoots the Vietnamese UI).
[ -f /usr/lib/chromium/locales/vi.pak ] || need+=(chromium-l10n)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${need[*]}" >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 1
fi
echo "Installing Debian packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
