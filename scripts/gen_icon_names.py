#!/usr/bin/env python3
"""Writes lib/src/fonts/icon_names.inc: Font Awesome icon names and their
code points, for the header icons (lib/src/fonts/icons.cpp).

The names are Font Awesome 4.7's, read from the stylesheet Debian's
fonts-font-awesome ships (/usr/share/fonts-font-awesome/css/font-awesome.css),
plus the Font Awesome 5/6 names RenderCV and its users write for icons that
4.7 has under another name (ALIASES below). Run after the package changes:
    python3 scripts/gen_icon_names.py [CSS] > lib/src/fonts/icon_names.inc
"""
import re
import sys

CSS = "/usr/share/fonts-font-awesome/css/font-awesome.css"

# Font Awesome 5/6 name -> Font Awesome 4.7 name of the same (or the closest
# recognisable) icon. Names 4.7 already has are not listed.
ALIASES = {
    # RenderCV's connection icons (renderer/templater/connections.py)
    "location-dot": "map-marker", "x-twitter": "twitter",
    # 5.x/6.x renames (Font Awesome's upgrade guides)
    "map-marker-alt": "map-marker", "location-pin": "map-pin", "map-location-dot": "map",
    "map-marked-alt": "map", "square-x-twitter": "twitter-square",
    "calendar-days": "calendar", "calendar-alt": "calendar", "calendar-xmark": "calendar-times-o",
    "calendar-check": "calendar-check-o", "house": "home", "house-chimney": "home",
    "xmark": "times", "magnifying-glass": "search", "file-lines": "file-text-o",
    "file-alt": "file-text-o", "file-pdf": "file-pdf-o", "file-word": "file-word-o",
    "file-code": "file-code-o", "book-open": "book", "book-open-reader": "book",
    "laptop-code": "laptop", "mobile-screen": "mobile", "mobile-screen-button": "mobile",
    "mobile-alt": "mobile", "phone-flip": "phone", "phone-alt": "phone",
    "square-phone": "phone-square", "phone-square-alt": "phone-square",
    "circle-info": "info-circle", "circle-user": "user-circle", "user-tie": "user",
    "user-graduate": "graduation-cap", "pen": "pencil", "pen-to-square": "pencil-square-o",
    "edit": "pencil-square-o", "earth-americas": "globe", "earth-europe": "globe",
    "earth-asia": "globe", "globe-americas": "globe", "globe-europe": "globe",
    "globe-asia": "globe", "square-github": "github-square", "linkedin-in": "linkedin",
    "square-linkedin": "linkedin-square", "square-youtube": "youtube-square",
    "google-scholar": "graduation-cap", "telegram-plane": "telegram",
    "square-whatsapp": "whatsapp", "whatsapp-square": "whatsapp", "facebook-f": "facebook",
    "square-facebook": "facebook-square", "square-instagram": "instagram",
    "square-twitter": "twitter-square", "square-reddit": "reddit-square",
    "square-rss": "rss-square", "newspaper": "newspaper-o", "clock": "clock-o",
    "up-right-from-square": "external-link", "arrow-up-right-from-square": "external-link",
    "external-link-alt": "external-link", "cake-candles": "birthday-cake",
    "futbol": "futbol-o", "school": "university", "building-columns": "university",
    "landmark": "university", "chart-line": "line-chart", "chart-bar": "bar-chart",
    "chart-pie": "pie-chart", "lightbulb": "lightbulb-o", "video": "video-camera",
    "circle-check": "check-circle", "check-circle": "check-circle", "comment-dots": "commenting",
    "message": "comment", "envelope-square": "envelope-square", "square-envelope": "envelope-square",
    "paper-plane": "paper-plane", "hand-holding-heart": "heart", "copyright": "copyright",
    "id-card-alt": "id-card", "address-card": "address-card", "contact-card": "address-card",
    "vcard": "vcard", "blog": "rss", "award": "trophy", "medal": "trophy",
    "flask-vial": "flask", "microscope": "flask", "stack-overflow": "stack-overflow",
    "plane-departure": "plane", "music": "music", "headphones": "headphones",
    "code-branch": "code-fork", "code-fork": "code-fork", "diagram-project": "sitemap",
    "project-diagram": "sitemap", "sitemap": "sitemap", "share-nodes": "share-alt",
    "share-alt": "share-alt", "earth": "globe", "city": "building", "hospital": "hospital-o",
    "pen-nib": "pencil", "pen-fancy": "pencil", "keyboard": "keyboard-o",
    "hard-drive": "hdd-o", "floppy-disk": "floppy-o", "save": "floppy-o", "language": "language",
    "star-half-stroke": "star-half-o", "thumbs-up": "thumbs-o-up", "handshake": "handshake-o",
    "shield-halved": "shield", "shield-alt": "shield", "heart-pulse": "heartbeat",
    "wheelchair": "wheelchair", "person-running": "male",
    "person": "male", "person-dress": "female", "right-to-bracket": "sign-in",
    "circle-play": "play-circle", "play-circle": "play-circle", "podcast": "podcast",
    "microphone": "microphone", "wikipedia-w": "wikipedia-w", "quote-left": "quote-left",
}


def main():
    css = sys.argv[1] if len(sys.argv) > 1 else CSS
    text = open(css, encoding="utf-8").read()
    names = {}
    # ".fa-a:before,\n.fa-b:before {\n  content: "\f000";\n}"
    for block in re.finditer(r"((?:\.fa-[a-z0-9-]+:before,?\s*)+)\{\s*content:\s*\"\\(f[0-9a-f]{3})\"",
                             text):
        cp = int(block.group(2), 16)
        for name in re.findall(r"\.fa-([a-z0-9-]+):before", block.group(1)):
            names[name] = cp
    base = dict(names)
    for alias, target in ALIASES.items():
        if alias in base:
            continue
        if target not in base:
            sys.exit(f"alias {alias}: Font Awesome 4.7 has no '{target}'")
        names[alias] = base[target]
    print("// Generated by scripts/gen_icon_names.py from Debian's fonts-font-awesome")
    print("// (Font Awesome 4.7) stylesheet and Font Awesome 5/6 aliases. Do not edit.")
    print("// clang-format off")
    for name in sorted(names):
        print(f'{{"{name}", 0x{names[name]:04X}}},')
    print("// clang-format on")


if __name__ == "__main__":
    main()
