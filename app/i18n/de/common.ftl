common-date-time = { $day }.{ $month }.{ $year }, { $time } { $zone }
common-deadline-two-zones = { $there } ({ $here } bei Ihnen)
common-now = jetzt
common-in-minutes = { $n ->
    [one] in 1 Minute
   *[other] in { $n } Minuten
}
common-in-hours = { $n ->
    [one] in 1 Stunde
   *[other] in { $n } Stunden
}
common-in-days = { $n ->
    [one] in 1 Tag
   *[other] in { $n } Tagen
}
common-minutes-ago = { $n ->
    [one] vor 1 Minute
   *[other] vor { $n } Minuten
}
common-hours-ago = { $n ->
    [one] vor 1 Stunde
   *[other] vor { $n } Stunden
}
common-days-ago = { $n ->
    [one] vor 1 Tag
   *[other] vor { $n } Tagen
}
common-minutes = { $count ->
    [one] 1 Minute
   *[other] { $count } Minuten
}
common-megabytes = { $mb } MB
common-secs = { $s } s
common-mins = { $m } min
common-mins-secs = { $m } min { $s } s
common-kind-video = Video
common-kind-audio = Audio
common-kind-text = Text
common-rules-text-unlimited = Text · Bedenkzeit { $think } · ohne Zeitlimit
common-rules-text = Text · Bedenkzeit { $think } · schreiben innerhalb von { $limit }
common-rules-recording = { $kind } · Bedenkzeit { $think } · Antwort bis { $limit } · { $takes ->
    [one] 1 Aufnahme
   *[other] { $takes } Aufnahmen
}
common-language = Sprache

app-settings-not-saved = Ihre Einstellungen konnten nicht gespeichert werden: { $error }
app-dismiss = Schließen
app-theme = Design
app-theme-hint = Zwischen hell und dunkel wechseln
app-change-role = Rolle wechseln
app-language-system = System ({ $language })
app-role-candidate = Bewerber/in
app-role-employer = Arbeitgeber
app-role-reviewer = Prüfer/in
app-welcome = Willkommen bei Peerview
app-welcome-question = Wie nutzen Sie Peerview auf diesem Computer? Sie können das später ändern.
app-choose-candidate = Ich bewerbe mich
app-choose-candidate-detail = Eine Einladung zum Interview öffnen und Ihre Antworten aufnehmen, auch offline.
app-choose-employer = Ich stelle ein
app-choose-employer-detail = Interviews erstellen, Bewerber einladen und ihre Antworten prüfen.
app-choose-reviewer = Ich prüfe für einen Arbeitgeber
app-choose-reviewer-detail = Antworten von Bewerbern ansehen, bewerten und kommentieren.
app-invite-handed-over = Die Einladung wurde im bereits laufenden Peerview-Fenster geöffnet.
app-no-display = Das Fenster von Peerview braucht eine grafische Anzeige, und es wurde keine gefunden (weder DISPLAY noch WAYLAND_DISPLAY ist gesetzt).
    Auf einem Server starten Sie stattdessen den Arbeitgeber-Knoten ohne Fenster: `peerview serve`; `peerview --help` listet alle Befehle.
app-window-failed = Das Fenster von Peerview konnte nicht geöffnet werden: { $error }
    Das Fenster braucht eine grafische Anzeige (DISPLAY oder WAYLAND_DISPLAY).
    Auf einem Server starten Sie stattdessen `peerview serve`; `peerview --help` listet alle Befehle.

ui-waiting-for-picture = Warten auf das Bild...
ui-mic-level = Mikrofonpegel
ui-mic-too-quiet = zu leise? Sprechen Sie lauter oder rücken Sie näher heran
ui-mic-good = gut
ui-cannot-play = { $file } kann nicht abgespielt werden: { $error }
ui-sound-only = { $label } (nur Ton)
ui-play = Abspielen
ui-pause = Pause
ui-seek = Position
ui-speed = Geschwindigkeit
ui-speed-value = { $speed }x
ui-test-pattern = Testbild
ui-test-tone = Testton
ui-quiet-test-tone = Leiser Testton
a11y-think-started = Bedenkzeit. Die Aufnahme beginnt in { $duration }.
a11y-recording-started = Aufnahme läuft. Sie haben { $duration }.
a11y-writing-started = Schreiben. Sie haben { $duration }.
a11y-think-left = Die Aufnahme beginnt in { $seconds } Sekunden
a11y-time-left = Noch { $seconds } Sekunden
