# Sourced by the .ci/install-*.sh scripts: `apt_install PACKAGE...` installs Debian packages
# non-interactively, as root or through sudo, without starting their system services (a
# policy-rc.d that refuses every start, removed after unless it was already there: no init
# system runs them here, and the tests start their own servers on 127.0.0.1).
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

apt_install() {
    local policy=/usr/sbin/policy-rc.d created=""
    $SUDO apt-get update -q
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
        $SUDO chmod +x "$policy"
        created=1
    fi
    $SUDO apt-get install -y -q --no-install-recommends "$@"
    if [ -n "$created" ]; then $SUDO rm -f "$policy"; fi
}
