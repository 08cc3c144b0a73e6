# Shared by scripts/app and scripts/test: install what is missing, quickly when nothing is.
# shellcheck shell=bash

# Debian packages to build Peerview (video, audio and GUI crates build C code and bindings).
BUILD_PACKAGES=(build-essential pkg-config cmake nasm libclang-dev libasound2-dev)
# What the window needs at run time (X11, GL/Vulkan through Mesa).
RUNTIME_PACKAGES=(libx11-6 libx11-xcb1 libxcursor1 libxrandr2 libxi6 libxkbcommon-x11-0 libgl1 libegl1 mesa-vulkan-drivers)

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# ensure_packages PKG...: apt-get install the ones that are not installed yet.
ensure_packages() {
    local missing=()
    for pkg in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -gt 0 ]; then
        if ! command -v apt-get >/dev/null; then
            echo "Peerview needs these Debian/Ubuntu packages (or your system's equivalent): ${missing[*]}" >&2
            exit 1
        fi
        echo "Installing: ${missing[*]}" >&2
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    fi
}

# ensure_rust: cargo 1.95 or newer must be on PATH.
ensure_rust() {
    if ! command -v cargo >/dev/null; then
        [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
    fi
    if ! command -v cargo >/dev/null; then
        echo "Peerview is built with Rust (1.95 or newer), which is not installed." >&2
        echo "Install it with rustup (https://rustup.rs), open a new terminal and run this again." >&2
        exit 1
    fi
    local version
    version=$(rustc --version | awk '{print $2}')
    if [ "$(printf '%s\n1.95.0\n' "$version" | sort -V | head -n1)" != "1.95.0" ]; then
        echo "Rust $version is too old: Peerview needs 1.95 or newer (rustup update)." >&2
        exit 1
    fi
}
