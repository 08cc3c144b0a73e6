# Die Kommandozeile (`peerview ...`), die Dateien, die sie für Menschen schreibt (summary.md,
# Einladungsmails), und die Abläufe, die die App mit ihr teilt (ops-).

## Hilfe: eine Nachricht pro Befehl und pro Argument.

cli-help-peerview = Einseitige Video-Interviews, Peer-to-Peer und lokal zuerst.
cli-help-peerview-long = Einseitige Video-Interviews, Peer-to-Peer und lokal zuerst.

    Arbeitgeber legen Kampagnen an und laden Bewerber ein; Bewerber nehmen ihre Antworten auf, wann es ihnen passt, auch offline; Prüfer sehen sie an, bewerten und entscheiden. Ohne Befehl öffnet sich die Desktop-App.
cli-help-peerview-data-dir = Wo Peerview seine Daten ablegt (Standard: $XDG_DATA_HOME/peerview oder ~/.local/share/peerview; %APPDATA%\Peerview unter Windows, ~/Library/Application Support/Peerview unter macOS).
cli-help-peerview-relay = Relays: `default` (die öffentlichen Relays von iroh), `disabled` (nur direkte Adressen) oder eine URL.
cli-help-peerview-relay-ca = Diesem CA-Zertifikat (PEM) für das Relay vertrauen: ein selbst betriebenes Relay, dessen Zertifikat nicht von einer öffentlichen Stelle signiert ist.
cli-help-peerview-lan-discovery = Peerview-Knoten im lokalen Netz finden und bekannt machen (mDNS): Ein Büro-Knoten, dessen Adresse sich geändert hat, wird weiterhin über seine ID gefunden.
cli-help-gui = Die Desktop-App öffnen (Standard, wenn kein Befehl angegeben ist).
cli-help-gui-ticket = Ein Einladungs-Ticket, das geöffnet werden soll (Bewerber).
cli-help-gui-synthetic-devices = Statt echter Geräte eine Testbild-Kamera und ein Ton-Mikrofon verwenden.
cli-help-gui-bind = Wo der Arbeitgeber-Knoten lauscht (Standard 0.0.0.0:47100).
cli-help-campaign = Kampagnen anlegen, auflisten, anzeigen und exportieren (Arbeitgeber).
cli-help-campaign-create = Eine Kampagne aus einer TOML-Datei anlegen (siehe examples/campaign.toml); gibt ihre ID aus.
cli-help-campaign-create-file = Die Kampagnendatei.
cli-help-campaign-list = Die Kampagnen auf diesem Knoten auflisten.
cli-help-campaign-show = Eine Kampagne anzeigen: Fragen, Regeln, Bewerber und der Stand ihrer Einreichungen.
cli-help-campaign-show-id = Die ID der Kampagne (ein eindeutiger Anfang genügt).
cli-help-campaign-export = Eine Kampagne im TOML-Format ausgeben, um sie zu bearbeiten und neu anzulegen.
cli-help-campaign-export-id = Die ID der Kampagne (ein eindeutiger Anfang genügt).
cli-help-serve = Den Arbeitgeber-Knoten ohne Fenster betreiben: nimmt Bewerber und Prüfer an, bis er beendet wird.
cli-help-serve-bind = Adresse, auf der gelauscht wird (Standard 0.0.0.0:47100; z. B. 127.0.0.1:0 für Tests).
cli-help-serve-replicate-every = Auf einem Hub (beigetreten mit einem `pvhub1`-Ticket): Sekunden zwischen zwei Abgleichen mit den anderen Knoten der Arbeitgeberseite.
cli-help-relay = Ein eigenes Relay betreiben (einen iroh-Relay-Server): Knoten, die sich nicht direkt erreichen, treffen sich darüber. Jeder Knoten verwendet dann `--relay URL`; Tickets tragen sie mit.
cli-help-relay-cert = Eine TLS-Zertifikatskette (PEM) für den Hostnamen des Relays; zusammen mit --key.
cli-help-relay-key = Der private Schlüssel des Zertifikats (PEM).
cli-help-relay-acme-hostname = Ein Zertifikat von Let's Encrypt für diesen öffentlichen Hostnamen holen (Ports 80 und 443 müssen diesen Rechner erreichen); mehrfach möglich.
cli-help-relay-acme-contact = Die E-Mail-Adresse, an die Let's Encrypt zum Zertifikat schreiben darf.
cli-help-relay-acme-staging = Den Test-Dienst von Let's Encrypt verwenden (zum Ausprobieren).
cli-help-relay-http-bind = Adresse für einfaches HTTP (Standard 0.0.0.0:3340 ohne TLS, 0.0.0.0:80 mit TLS).
cli-help-relay-https-bind = HTTPS-Adresse, mit TLS (Standard 0.0.0.0:443).
cli-help-relay-quic-bind = QUIC-Adresserkennung, mit TLS (Standard 0.0.0.0:7842).
cli-help-invite = Einen Bewerber zu einer Kampagne einladen: gibt das Ticket aus, das Sie der Person schicken.
cli-help-invite-campaign = Die ID der Kampagne (ein eindeutiger Anfang genügt).
cli-help-invite-name = Der Name des Bewerbers, wie Prüfer ihn sehen werden.
cli-help-invite-email = Die E-Mail-Adresse des Bewerbers, für Ihre Unterlagen.
cli-help-reviewer = Einladungen für Prüfer.
cli-help-reviewer-invite = Eine Kollegin oder einen Kollegen zum Prüfen einer Kampagne einladen: gibt das Ticket aus.
cli-help-reviewer-invite-campaign = Die ID der Kampagne (ein eindeutiger Anfang genügt).
cli-help-reviewer-invite-name = Der Name des Prüfers.
cli-help-hub = Weitere Knoten der Arbeitgeberseite (ein Büro-Rechner, der Laptop eines Kollegen), die eine vollständige Kopie halten und Bewerber annehmen, wenn dieser Knoten aus ist.
cli-help-hub-invite = Einen weiteren Knoten der Arbeitgeberseite einladen: gibt das Ticket zum Beitreten aus (`peerview join`); danach hält `peerview serve` dort beide Knoten auf demselben Stand.
cli-help-hub-invite-campaign = Die ID der Kampagne (ein eindeutiger Anfang genügt).
cli-help-hub-invite-name = Ein Name für den Knoten, z. B. „Büro“.
cli-help-revoke = Die Einladung eines Bewerbers, Prüfers oder Hubs zurückziehen: Der eingeladene Rechner wird ab dann abgewiesen.
cli-help-revoke-campaign = Die ID der Kampagne (ein eindeutiger Anfang genügt).
cli-help-revoke-invitee = Die ID des Bewerbers, Prüfers oder Hubs (siehe `campaign show`).
cli-help-delete = Die Einreichung eines Bewerbers überall löschen (Arbeitgeberseite): hier sofort, auf Hubs und bei Prüfern bei deren nächster Synchronisierung. Dokumente, Bewertungen, Aufzeichnungen, Name und E-Mail verschwinden; nur IDs bleiben, damit keine Offline-Kopie zurückkehrt.
cli-help-delete-candidate = Die ID (oder ein eindeutiger Anfang), der Name oder die E-Mail-Adresse des Bewerbers.
cli-help-delete-campaign = Die Kampagne (ID oder Anfang), falls der Bewerber in mehreren ist.
cli-help-withdraw = Von einer Kampagne zurücktreten (Bewerber): bittet die Arbeitgeberseite, Ihre Einreichung und Aufzeichnungen zu löschen; `peerview status` zeigt die Bestätigung, sobald es geschehen ist.
cli-help-withdraw-campaign = Die ID der Kampagne (ein eindeutiger Anfang genügt).
cli-help-withdraw-wait = So viele Sekunden lang versuchen, den Arbeitgeber zu erreichen, bevor es der nächsten Synchronisierung überlassen wird.
cli-help-audit = Das Prüfprotokoll dieses Rechners: Löschungen, Rücktritte und Exporte (nur IDs und Zeiten).
cli-help-message = Der anderen Seite schreiben. Als Bewerber: `message KAMPAGNE "Text"` (mit --extension TAGE oder --extra-time PROZENT / --extra-takes N wird darum gebeten). Auf der Arbeitgeberseite: `message BEWERBER "Text"` (ID, Name oder E-Mail). Die Nachricht geht mit der nächsten Synchronisierung.
cli-help-message-target = Die Kampagne (Bewerber) oder der Bewerber (Arbeitgeberseite).
cli-help-message-text = Was Sie sagen möchten (bei einer Anfrage: warum).
cli-help-message-extension = Bewerber: um so viele zusätzliche Tage bis zur Frist bitten.
cli-help-message-extra-time = Bewerber: um so viel mehr Zeit zum Überlegen und Antworten bitten, in Prozent.
cli-help-message-extra-takes = Bewerber: um so viele zusätzliche Aufnahmen pro Frage bitten.
cli-help-message-wait = So viele Sekunden lang versuchen, den Arbeitgeber zu erreichen (Bewerber, Prüfer).
cli-help-grant = Die Anfrage eines Bewerbers bewilligen (Arbeitgeberseite): Das Erbetene wird dem Nachteilsausgleich hinzugefügt, und die Person erfährt es.
cli-help-grant-candidate = Die ID (oder ein eindeutiger Anfang), der Name oder die E-Mail-Adresse des Bewerbers.
cli-help-grant-request = Die ID der Anfrage (siehe `peerview status`); nur nötig, wenn mehrere offen sind.
cli-help-grant-days = Statt des Erbetenen so viele Tage bewilligen (eine Anfrage auf Fristverlängerung).
cli-help-grant-extra-time = Stattdessen so viel mehr Zeit bewilligen, in Prozent (eine Anfrage auf Nachteilsausgleich).
cli-help-grant-extra-takes = Stattdessen so viele zusätzliche Aufnahmen bewilligen (eine Anfrage auf Nachteilsausgleich).
cli-help-grant-note = Eine Nachricht dazu.
cli-help-decline = Die Anfrage eines Bewerbers ablehnen (Arbeitgeberseite), mit einer Begründung, die die Person lesen wird.
cli-help-decline-candidate = Die ID (oder ein eindeutiger Anfang), der Name oder die E-Mail-Adresse des Bewerbers.
cli-help-decline-request = Die ID der Anfrage (siehe `peerview status`); nur nötig, wenn mehrere offen sind.
cli-help-decline-reason = Warum die Anfrage abgelehnt wird; der Bewerber liest es.
cli-help-join = Mit einem Einladungs-Ticket beitreten (Bewerber, Prüfer oder Hub): holt die Kampagne.
cli-help-join-ticket = Das Ticket, wie Sie es erhalten haben.
cli-help-answer = Eine Antwort speichern (Bewerber): eine Aufnahme-Datei bei Video- und Audiofragen oder Text.
cli-help-answer-campaign = Die ID der Kampagne (ein eindeutiger Anfang genügt).
cli-help-answer-question = Die ID der Frage (angezeigt von `join`).
cli-help-answer-file = Eine Aufnahme (MP4).
cli-help-answer-text = Eine schriftliche Antwort.
cli-help-answer-record = Die Aufnahme jetzt machen (ohne Fenster: Testbild und Ton, sofern nicht anders angegeben).
cli-help-answer-video = Mit --record: test-pattern, camera[:INDEX] oder none.
cli-help-answer-audio = Mit --record: tone, wav:DATEI, mic[:NAME] oder none.
cli-help-answer-seconds = Mit --record: Sekunden der Aufnahme (höchstens das Limit der Frage; Standard: das Limit).
cli-help-submit = Ihre Antworten einreichen (Bewerber) und an den Arbeitgeber senden.
cli-help-submit-campaign = Die ID der Kampagne (ein eindeutiger Anfang genügt).
cli-help-submit-wait = So viele Sekunden lang versuchen, den Arbeitgeber zu erreichen, bevor es vorerst aufgegeben wird.
cli-help-status = Der Stand der Einreichungen auf diesem Rechner.
cli-help-sync = Einmal mit jedem Arbeitgeber synchronisieren, dem dieser Rechner beigetreten ist; endet danach.
cli-help-sync-wait = So viele Sekunden lang versuchen, unerreichbare Arbeitgeber zu erreichen.
cli-help-sync-watch = Weiterlaufen: alle 10 s synchronisieren (seltener, solange der Arbeitgeber nicht erreichbar ist).
cli-help-record = Eine Aufnahme ohne Fenster machen (Skripte, Tests): fragmentiertes MP4, H.264 + Opus.
cli-help-record-video = test-pattern, camera[:INDEX] oder none.
cli-help-record-audio = tone, wav:DATEI, mic[:NAME] oder none.
cli-help-record-size = Bildgröße, z. B. 1280x720.
cli-help-record-fps = Bilder pro Sekunde.
cli-help-record-seconds = Länge der Aufnahme in Sekunden.
cli-help-record-out = Die MP4-Datei, die geschrieben wird.
cli-help-devices = Die Kameras und Mikrofone auflisten, mit denen aufgenommen werden kann.
cli-help-play = Eine Aufzeichnung (MP4) über die Lautsprecher abspielen, von der Kommandozeile aus.
cli-help-play-file = Die Aufzeichnung, die abgespielt wird (MP4).
cli-help-play-speed = Wiedergabegeschwindigkeit: 1, 1,5 oder 2 (die Stimme behält ihre Tonhöhe).
cli-help-play-from = So viele Sekunden nach dem Anfang beginnen.
cli-help-play-device = Ein Ausgabegerät nach Namen (Standard: das des Systems).
cli-help-export = Eine Einreichung für jemanden ohne Peerview exportieren: jede Antwort als normales MP4, dazu summary.json und summary.md.
cli-help-export-submission = Eine Bewerber-ID (oder ein eindeutiger Anfang), der Name eines Bewerbers oder (für Bewerber) eine Kampagnen-ID.
cli-help-export-dir = Der Ordner, in den geschrieben wird (wird bei Bedarf angelegt).
cli-help-review = Eine Einreichung prüfen (Arbeitgeber oder ein beigetretener Prüfer): bewerten, kommentieren, entscheiden; zeigt die Bewertungen aller Prüfer. Die Änderungen eines Prüfers gehen mit der nächsten `peerview sync` mit.
cli-help-review-submission = Eine Bewerber-ID (oder ein eindeutiger Anfang) oder der Name eines Bewerbers.
cli-help-review-scores = Eine Bewertung, KRITERIUM=1..5 (mehrfach möglich).
cli-help-review-submit-scores = Ihren Bewertungsbogen abgeben (danach sehen Sie die Bewertungen der anderen Prüfer).
cli-help-review-comment = Ein Kommentar zu einer Antwort.
cli-help-review-question = Die Frage, um die es im Kommentar geht (Standard: die erste).
cli-help-review-at = Die Stelle der Antwort, um die es im Kommentar geht, in Sekunden.
cli-help-review-decide = Entscheiden: advance, hold oder reject (der Bewerber sieht es).
cli-help-review-message = Eine Nachricht an den Bewerber zur Entscheidung.
cli-help-export-recording = Eine Aufzeichnung (über ihren BLAKE3-Hash) aus dem Speicher dieses Rechners in eine Datei kopieren.
cli-help-export-recording-hash = Der Hash der Aufzeichnung, wie ihn die Einreichung aufführt.
cli-help-export-recording-out = Die Datei, die geschrieben wird.
cli-help-flag-help = Hilfe anzeigen
cli-help-flag-help-more = Hilfe anzeigen (mehr mit '--help')
cli-help-flag-help-summary = Hilfe anzeigen (eine Übersicht mit '-h')
cli-help-flag-version = Version anzeigen
cli-help-subcommand-help = Diese Hilfe oder die Hilfe zum angegebenen Befehl anzeigen
cli-help-subcommand-help-args = Die Hilfe zu diesem Befehl anzeigen

## Argumente, die vor einem Befehl geprüft werden.

cli-size-syntax = { $value }: Bitte BREITExHÖHE angeben, z. B. 1280x720
cli-size-bad-width = Die Breite in { $value } ist keine Zahl.
cli-size-bad-height = Die Höhe in { $value } ist keine Zahl.
cli-size-range = { $value }: Breite und Höhe müssen gerade sein, von 16x16 bis 3840x2160.
cli-video-choice = „{ $value }“: Bitte test-pattern, camera, camera:INDEX oder none angeben.
cli-audio-choice = „{ $value }“: Bitte tone, wav:DATEI, mic, mic:NAME oder none angeben.

## Jeder Befehl: das Ergebnis, das Datenverzeichnis, Dateien.

cli-error = Fehler: { $error }
cli-not-sent = nicht gesendet: { $error }
cli-warning = Warnung: { $warning }
cli-data-dir-error = das Datenverzeichnis { $dir }: { $error }
cli-no-data-dir = Es ist unklar, wo Peerview seine Daten ablegen soll: { $variable } ist nicht gesetzt. Bitte geben Sie --data-dir VERZEICHNIS an.
cli-store-problem-moved = Warnung: { $file } ist beschädigt ({ $reason }); die Datei wurde nach { $moved_to } verschoben, der Rest des Speichers ist nutzbar
cli-store-problem-kept = Warnung: { $file } ist beschädigt ({ $reason }); die Datei konnte nicht beiseitegelegt werden
cli-reading-file = { $file } lesen
cli-writing-file = { $file } schreiben
cli-saving-file = { $file } speichern
cli-opening-file = { $file } öffnen
cli-wrote = { $file } geschrieben
cli-wrote-bytes = { $file } geschrieben ({ $bytes ->
    [one] 1 Byte
   *[other] { $bytes } Bytes
}).
cli-settings-damaged = { $file } ist beschädigt; bitte korrigieren oder löschen Sie die Datei
cli-settings-writing = die Einstellungen schreiben
cli-starting-runtime = die asynchrone Laufzeitumgebung starten

## peerview campaign create|list|show|export und die Kampagnendatei.

cli-saving-campaign = die Kampagne speichern
cli-campaign-created = Kampagne „{ $title }“ mit { $questions ->
    [one] 1 Frage
   *[other] { $questions } Fragen
} angelegt, Frist { $deadline }.
cli-campaign-list-empty = Noch keine Kampagnen. Legen Sie eine an mit: peerview campaign create --file campaign.toml
cli-campaign-list-id = ID
cli-campaign-list-title = TITEL
cli-campaign-list-questions = FRAGEN
cli-campaign-list-candidates = BEWERBER
cli-campaign-list-deadline = FRIST
cli-campaign-unreadable = (nicht lesbar: { $error })
cli-campaign-show-heading = Kampagne { $id }: { $title }
cli-campaign-show-role = Stelle
cli-campaign-show-deadline = Frist
cli-campaign-show-created = Angelegt
cli-campaign-show-scorecard = Bewertungsbogen
cli-campaign-show-instructions = Hinweise:
cli-campaign-show-practice = Übungsfrage (zählt nie): { $rules }
cli-campaign-show-questions = Fragen:
cli-campaign-show-your-submission = Ihre Einreichung: { $state } ({ $answered } von { $questions } beantwortet)
cli-campaign-show-candidates = Bewerber ({ $count }):
cli-campaign-show-none-invited = noch niemand eingeladen
cli-campaign-show-unreadable = nicht lesbar ({ $error })
cli-campaign-show-candidate = { $id }  { $who }: { $state }
cli-campaign-show-candidate-invite = { $id }  { $who }: { $state }, Einladung { $invite }
cli-campaign-show-reviewers = Prüfer ({ $count }):
cli-campaign-show-hubs = Knoten der Arbeitgeberseite ({ $count }):
cli-campaign-show-hub-at = { $state }, unter { $addresses }
cli-campaign-exported-from = Peerview-Kampagne, exportiert aus Kampagne { $id }
cli-campaign-file-syntax = { $file }: { $error }
cli-campaign-file-field = { $file }:{ $line }: Feld `{ $field }`: { $problem }
cli-campaign-file-empty = darf nicht leer sein
cli-campaign-file-no-questions = { $file }: Eine Kampagne braucht mindestens eine [[question]]
cli-campaign-file-criteria = Bitte mindestens ein Kriterium angeben, keines leer
cli-campaign-file-retention = zwischen 1 und { $max } Tagen (lassen Sie das Feld weg, um Einreichungen bis zur Löschung zu behalten)
cli-campaign-file-language = „{ $language }“ ist keine Sprache, die Peerview spricht; eine von { $known }
cli-campaign-file-time-zone = „{ $zone }“ ist keine Zeitzone, die dieser Rechner kennt; ein IANA-Name wie "Europe/Berlin"
cli-campaign-file-practice-reserved = { $file }: `{ $field }.id`: "practice" ist der Übungsfrage [practice] vorbehalten
cli-campaign-file-duplicate-id = { $file }: `{ $field }.id`: Die ID „{ $id }“ kommt zweimal vor
cli-campaign-file-practice-id = { $file }: `practice.id`: Bitte weglassen (die ID der Übungsfrage ist immer "practice")
cli-campaign-file-answer-limit = { $limit } liegt außerhalb des Bereichs: Aufgenommene Antworten dauern 5 bis { $max } Sekunden (Textantworten: 0 für kein Limit)
cli-campaign-file-think = höchstens { $max } Sekunden
cli-campaign-file-takes = { $takes } liegt außerhalb des Bereichs: 1 bis { $max }
cli-campaign-file-date-and-time = { $value } braucht ein Datum und eine Uhrzeit, z. B. 2026-12-15T17:00:00Z
cli-campaign-file-deadline-zone = { $value } braucht eine Zeitzone, z. B. { $value }Z für UTC oder { $value }+01:00

## serve, relay, invite, revoke.

cli-serve-node = Peerview-Arbeitgeber-Knoten { $id }
cli-serve-listening = lauscht auf { $address }
cli-serve-relay = erreichbar über das Relay { $relay }
cli-serve-lan = im lokalen Netz bekannt gemacht (mDNS), damit Bewerber dort den Knoten über seine ID finden
cli-serve-ready = Bereit. Laden Sie Bewerber ein mit: peerview invite KAMPAGNE --name NAME
cli-relay-running = Peerview-Relay läuft
cli-relay-listening = { $what } auf { $address }
cli-relay-plain = Einfaches HTTP ohne TLS: für ein lokales Netz oder einen Test. Knoten verwenden: --relay http://DIESER-RECHNER:{ $port }
cli-relay-plain-internet = Für das Internet geben Sie ihm ein Zertifikat (--cert/--key) oder einen Hostnamen (--acme-hostname).
cli-relay-files = Knoten verwenden: --relay https://HOSTNAME-IM-ZERTIFIKAT
cli-relay-acme = Knoten verwenden: --relay https://{ $hostname }
cli-invite-no-node = Dieses Datenverzeichnis hat den Arbeitgeber-Knoten noch nie betrieben, daher kann ein Ticket nicht sagen, wohin verbunden werden soll: Bitte starten Sie zuerst `peerview serve`
cli-invited = { $name } ist eingeladen. Schicken Sie { $name } dieses Ticket; es funktioniert einmal, auf einem Rechner.{ $nodes ->
    [one] {""}
   *[other] { " " }Es nennt { $nodes } Knoten der Arbeitgeberseite; jeder erreichbare genügt.
}
cli-invite-link = Als Link, der Peerview mit der Einladung öffnet: { $link }
cli-invite-reviewer = Prüfer-Ticket für { $name } (funktioniert einmal, auf einem Rechner).{ $nodes ->
    [one] {""}
   *[other] { " " }Es nennt { $nodes } Knoten der Arbeitgeberseite; jeder erreichbare genügt.
}
cli-invite-hub = Ticket für den Knoten { $name } der Arbeitgeberseite (funktioniert einmal, auf einem Rechner, innerhalb von 24 Stunden). Führen Sie auf diesem Rechner
      peerview join TICKET
    aus; danach hält `peerview serve` dort beide Knoten auf demselben Stand:
cli-revoked = Die Einladung von { $name } wurde zurückgezogen: Der Rechner von { $name } wird ab jetzt abgewiesen.

## join, answer, submit, sync, status.

cli-join-bad-ticket = Dieses Ticket kann nicht verwendet werden: { $reason }
cli-join-hub = Dieser Rechner ist jetzt ein Knoten der Arbeitgeberseite von { $title }: { $documents ->
    [one] 1 Dokument
   *[other] { $documents } Dokumente
} und { $recordings ->
    [one] 1 Aufzeichnung
   *[other] { $recordings } Aufzeichnungen
} kopiert.
cli-join-hub-serve = Starten Sie hier `peerview serve`, um Bewerber und Prüfer anzunehmen und beide Knoten auf demselben Stand zu halten; danach ausgestellte Tickets nennen auch diesen Knoten.
cli-joined = Beigetreten: { $title } ({ $role })
cli-joined-deadline = Frist: { $deadline }
cli-joined-practice = Übung (zählt nie): { $rules }
cli-joined-questions = Fragen:
cli-joined-answer-with = Antworten Sie mit: peerview answer { $campaign } FRAGEN_ID (--file AUFNAHME.mp4 | --text "...")
cli-joined-reviewer = Als Prüfer von { $title } beigetreten: { $documents ->
    [one] 1 Dokument
   *[other] { $documents } Dokumente
} synchronisiert.
cli-recordings-downloaded = { $count ->
    [one] 1 Aufzeichnung heruntergeladen.
   *[other] { $count } Aufzeichnungen heruntergeladen.
}
cli-recordings-not-downloaded = Aufzeichnungen noch nicht heruntergeladen: { $error }
cli-not-joined = Dieser Rechner ist der Kampagne { $campaign } nicht beigetreten: Bitte führen Sie zuerst `peerview join TICKET` aus
cli-several-campaigns = „{ $campaign }“ passt zu mehreren Kampagnen; bitte geben Sie mehr von der ID an
cli-only-candidates-answer = Nur Bewerber beantworten Fragen
cli-only-candidates-submit = Nur Bewerber reichen ein
cli-no-such-question = In dieser Kampagne gibt es keine Frage { $question }
cli-no-such-question-list = In dieser Kampagne gibt es keine Frage { $question } (Fragen: { $questions })
cli-answer-too-long = Frage { $question } erlaubt Antworten von höchstens { $limit } s
cli-recording = Aufnahme läuft, { $secs } s ...
cli-answer-needs-text = Frage { $question } verlangt eine Textantwort: Bitte --text "..." verwenden
cli-answer-needs-file = Frage { $question } verlangt eine Antwort als { $kind }: Bitte --file AUFNAHME.mp4 verwenden
cli-answer-file-or-text = Bitte genau eines von --file oder --text angeben
cli-answer-saved = Ihre Antwort auf { $question } ist gespeichert. Reichen Sie alle Antworten ein mit: peerview submit { $campaign }
cli-answer-refused = nicht gespeichert: { $reason }
cli-not-a-recording = { $file } ist keine Aufzeichnung, die Peerview lesen kann: { $error }
cli-no-video-track = { $file } hat keine Videospur, und diese Frage verlangt eine Videoantwort
cli-recording-changed = Die Aufzeichnung hat sich beim Speichern verändert; bitte versuchen Sie es noch einmal
cli-fragment-changed = Fragment { $index } hat sich auf der Festplatte verändert
cli-submit-unanswered = Bitte beantworten Sie vor dem Einreichen jede Frage; noch offen: { $questions }
cli-submit-deadline-passed = Die Frist ({ $deadline }) ist abgelaufen; bitte wenden Sie sich an den Arbeitgeber
cli-submitted-sending = Eingereicht. Wird an den Arbeitgeber gesendet ...
cli-retrying = Neuer Versuch in { $secs } s ...
cli-not-sent-try-again = { $reason }. Mit `peerview sync` versuchen Sie es erneut.
cli-sync-nothing = Nichts zu synchronisieren: Dieser Rechner ist keiner Kampagne beigetreten.
cli-sync-failures = { $failed } von { $total ->
    [one] 1 Kampagne
   *[other] { $total } Kampagnen
} nicht synchronisiert
cli-status-not-joined = Dieser Rechner ist noch keiner Kampagne beigetreten (peerview join TICKET).
cli-status-last-reached = Arbeitgeber zuletzt erreicht am { $date }, { $path }
cli-status-not-synced = { $title }: noch nicht synchronisiert
cli-status-not-started = nicht begonnen
cli-status-in-progress = in Arbeit, { $answers ->
    [one] 1 Antwort
   *[other] { $answers } Antworten
} hier gespeichert
cli-status-in-progress-sending = in Arbeit, { $answers ->
    [one] 1 Antwort
   *[other] { $answers } Antworten
} hier gespeichert ({ $percent } % der Aufzeichnungen bereits gesendet)
cli-status-submitted-all-sent = eingereicht, alles gesendet; wartet auf die Empfangsbestätigung des Arbeitgebers
cli-status-submitted-waiting = eingereicht, { $size } Aufzeichnungen warten auf das Senden (sie gehen, sobald der Arbeitgeber erreichbar ist)
cli-status-submitted-uploading = eingereicht, { $percent } % hochgeladen ({ $sent } von { $total } gesendet)
cli-status-submitted = eingereicht, wartet darauf, dass der Arbeitgeber sie empfängt
cli-status-received = vom Arbeitgeber empfangen
cli-status-viewed = vom Arbeitgeber angesehen
cli-status-decided = entschieden: { $verdict }
cli-status-withdrawn = zurückgezogen; die Bitte um Löschung geht mit der nächsten Synchronisierung an den Arbeitgeber
cli-status-deleted = von der Arbeitgeberseite gelöscht
cli-status-reviewer = { $title }: Prüfer
cli-status-hub = { $title }: Knoten der Arbeitgeberseite (Kopie)
cli-status-messages = Nachrichten:
cli-status-open-requests = offene Anfragen: { $count }
cli-status-conversation = { $campaign }: { $name } ({ $id }): { $messages ->
    [one] 1 Nachricht
   *[other] { $messages } Nachrichten
}, { $unread } ungelesen, { $open ->
    [one] 1 offene Anfrage
   *[other] { $open } offene Anfragen
}

## message, grant, decline, delete, withdraw, audit.

cli-message-kept-sending = Nachricht auf diesem Rechner gespeichert; sie wird an den Arbeitgeber gesendet ...
cli-message-only-candidates-ask = Nur Bewerber bitten um mehr Zeit oder einen Nachteilsausgleich (ist „{ $target }“ eine Kampagne, der Sie beigetreten sind?)
cli-message-kept = Nachricht an { $name } gespeichert; sie wird bei der nächsten Synchronisierung zugestellt.
cli-request-granted = Die Anfrage von { $name } auf { $what } ist bewilligt; { $name } erfährt es bei der nächsten Synchronisierung.
cli-request-declined = Die Anfrage von { $name } auf { $what } ist abgelehnt; { $name } erfährt es bei der nächsten Synchronisierung.
cli-delete-already = Die Einreichung von { $id } wurde bereits gelöscht ({ $date }).
cli-delete-done = Die Einreichung von { $name } ({ $id }) ist gelöscht: Dokumente, Bewertungen, Name und E-Mail sind von diesem Rechner verschwunden.
cli-delete-recordings-removed = { $count ->
    [one] 1 Aufzeichnung aus dem Aufzeichnungsspeicher entfernt.
   *[other] { $count } Aufzeichnungen aus dem Aufzeichnungsspeicher entfernt.
}
cli-delete-recordings-later = Die Aufzeichnungen werden beim nächsten Start des laufenden Knotens entfernt (er hat nicht geantwortet).
cli-delete-copies = Hubs und Prüfer löschen ihre Kopien bei ihrer nächsten Synchronisierung; nur die IDs bleiben, damit keine Kopie zurückkehrt.
cli-withdrawn = Zurückgezogen. Der Arbeitgeber wird gebeten, Ihre Einreichung und Aufzeichnungen zu löschen ...
cli-audit-empty = Das Prüfprotokoll ist leer: keine Löschung, kein Rücktritt und kein Export auf diesem Rechner.
cli-audit-delete = Löschung
cli-audit-purge = Bereinigung
cli-audit-withdrawal = Rücktritt
cli-audit-export = Export
cli-audit-line = Kampagne { $campaign }  Bewerber { $candidate }  durch { $by }
cli-audit-unreadable = { $count ->
    [one] 1 Zeile des Prüfprotokolls konnte nicht gelesen werden.
   *[other] { $count } Zeilen des Prüfprotokolls konnten nicht gelesen werden.
}

## review, export, play, record, devices.

cli-review-score-syntax = --score „{ $value }“: Bitte als KRITERIUM=WERT schreiben, z. B. Communication=4
cli-review-no-criterion = „{ $criterion }“ ist kein Kriterium dieser Kampagne ({ $criteria })
cli-review-score-number = --score „{ $value }“: Die Bewertung ist eine Zahl von 1 bis 5
cli-review-no-questions = Die Kampagne hat keine Fragen
cli-review-decide-syntax = --decide „{ $value }“: Bitte advance, hold oder reject verwenden
cli-review-recommended = Empfohlen: { $verdict }. Der Arbeitgeber teilt dem Bewerber die Entscheidung mit.
cli-review-employer = Arbeitgeber
cli-review-score = { $criterion }: { $score }/5
cli-review-scores-hidden = Bewertungen verborgen, bis Sie Ihre eigenen abgeben (--submit-scores)
cli-review-decision = Entscheidung: { $verdict }
cli-review-decision-note = Entscheidung: { $verdict } ({ $note })
cli-submission-ambiguous-id = „{ $query }“ passt zu { $count } Einreichungen; bitte geben Sie mehr von der ID an
cli-submission-ambiguous-name = { $count } Einreichungen stammen von Bewerbern namens „{ $query }“; bitte verwenden Sie die Bewerber-ID
cli-no-submission = Keine Einreichung passt zu „{ $query }“ (verwenden Sie eine Bewerber-ID aus `peerview campaign show`, den Namen eines Bewerbers oder eine Kampagnen-ID)
cli-reading-submission = die Einreichung lesen
cli-reading-campaign = die Kampagne lesen
cli-export-converting = die Antwort auf { $question } umwandeln
cli-export-missing = { $count ->
    [one] 1 Aufzeichnung ist
   *[other] { $count } Aufzeichnungen sind
} noch nicht auf diesem Rechner ({ $questions }); bitte führen Sie `peerview sync` aus und exportieren Sie erneut
cli-export-md-role = Stelle: { $role }
cli-export-md-state = Stand: { $state }
cli-export-md-submitted = Eingereicht: { $at }
cli-export-md-deadline = Frist: { $deadline }
cli-export-md-no-answer = Keine Antwort.
cli-export-md-recording = [{ $file }]({ $file }) — { $secs } s, Aufnahme { $take }
cli-export-md-recording-missing = Aufzeichnung ({ $secs } s) noch nicht auf diesem Rechner.
cli-export-md-timeline = Verlauf
cli-export-md-reviews = Bewertungen
cli-export-md-reviewer = Prüfer
cli-export-md-score = { $criterion }: { $score }/5
cli-export-md-comment = { $question } bei { $at }: { $text }
cli-export-md-decision = Entscheidung: { $verdict }
cli-play-video = { $file }: { $secs } s, Video { $size }
cli-play-video-sound = { $file }: { $secs } s, Video { $size } mit Ton
cli-play-sound-only = { $file }: { $secs } s, nur Ton
cli-play-damaged = Warnung: { $problem }; der lesbare Teil wird abgespielt
cli-play-note = Hinweis: { $note }
cli-play-done = Bis zum Ende abgespielt ({ $secs } s): { $shown ->
    [one] 1 Bild
   *[other] { $shown } Bilder
} gezeigt, { $dropped } zu spät verworfen.
cli-record-seconds-range = --seconds muss zwischen 0,1 und 3600 liegen
cli-record-fragment = Fragment { $index } geschrieben ({ $bytes ->
    [one] 1 Byte
   *[other] { $bytes } Bytes
})
cli-record-done = { $file } aufgenommen ({ $secs } s, { $bytes ->
    [one] 1 Byte
   *[other] { $bytes } Bytes
}, { $fragments ->
    [one] 1 Fragment
   *[other] { $fragments } Fragmente
}, BLAKE3 { $hash })
cli-devices-cameras = Kameras:
cli-devices-no-camera = keine gefunden (Antworten nur mit Ton funktionieren trotzdem; mit --video test-pattern können Sie die Aufnahme ausprobieren)
cli-devices-microphones = Mikrofone:
cli-devices-no-microphone = keines gefunden: Bitte schließen Sie eines an oder prüfen Sie, ob ein anderes Programm es belegt
cli-devices-default = (Standard)

## Die Einladungsmail (in der Sprache der Kampagne, wenn sie eine hat).

cli-mail-subject = Video-Interview: { $title }
cli-mail-greeting = Guten Tag { $name },
cli-mail-intro = Sie sind zu einem einseitigen Video-Interview für { $role } ({ $title }) eingeladen. Sie nehmen Ihre Antworten auf Ihrem eigenen Rechner auf, wann es Ihnen passt, bis { $deadline }. Sie können sich offline vorbereiten; die Antworten werden gesendet, wenn Sie sie einreichen.
cli-mail-instructions-cut = { $instructions } ... (der Rest steht in Peerview)
cli-mail-get-peerview = Installieren Sie zuerst Peerview (kostenlos, für Windows und Linux): Ihre Ansprechperson beim Arbeitgeber schickt Ihnen das Installationsprogramm oder sagt Ihnen, wo Sie es herunterladen können. Unter Windows ist es peerview-windows-x64-setup.exe, unter Debian oder Ubuntu das .deb-Paket peerview.
cli-mail-step-install = 1. { $get_peerview }
cli-mail-step-link = 2. Öffnen Sie Ihren Einladungslink:
cli-mail-paste-ticket = Falls der Link Peerview nicht öffnet, öffnen Sie Peerview, wählen Sie „Einladung öffnen“ und fügen Sie dieses Ticket ein:
cli-mail-one-computer = Die Einladung gilt nur für Sie und funktioniert auf einem Rechner: dem ersten, der sie öffnet.
cli-mail-file-name = Einladung { $name }
cli-mail-file-someone = Bewerber

## Die Abläufe, die Kommandozeile und App teilen (ops/).

ops-opening-data-dir = das Datenverzeichnis { $dir } öffnen
ops-creating-dir = { $dir } anlegen
ops-writing-file = { $file } schreiben
ops-verdict-advance = nächste Runde
ops-verdict-hold = zurückgestellt
ops-verdict-reject = Absage
ops-state-not-started = nicht begonnen
ops-state-in-progress = in Arbeit
ops-state-submitted = eingereicht
ops-state-received = empfangen
ops-state-viewed = angesehen
ops-state-decided = entschieden: { $verdict }
ops-state-withdrawn = zurückgezogen
ops-state-deleted = gelöscht
ops-invite-invited = eingeladen
ops-invite-joined = beigetreten
ops-invite-revoked = zurückgezogen
ops-invite-deleted = gelöscht
ops-deletion-by-employer = vom Arbeitgeber gelöscht
ops-deletion-withdrawn = auf Wunsch des Bewerbers zurückgezogen
ops-deletion-retention = die Aufbewahrungsfrist ist abgelaufen
ops-event-answered = { $question } beantwortet
ops-event-submitted = eingereicht
ops-event-received = empfangen
ops-event-viewed = angesehen
ops-event-decision = Entscheidung: { $verdict }
ops-event-decision-message = Entscheidung: { $verdict } — { $message }
ops-event-withdrawal-requested = zurückgetreten und um Löschung der Einreichung gebeten
ops-event-deleted = Löschbestätigung: Die Arbeitgeberseite hat die Einreichung und ihre Aufzeichnungen gelöscht ({ $reason })
ops-deleted-on = Die Arbeitgeberseite hat diese Einreichung und ihre Aufzeichnungen gelöscht ({ $reason }), am { $date }
ops-client-unreachable = Der Arbeitgeber war nicht erreichbar ({ $detail }); alles bleibt auf diesem Rechner und wird gesendet, sobald der Arbeitgeber erreichbar ist
ops-client-refused = Der Arbeitgeber hat abgelehnt: { $reason }
ops-client-wire = bei der Verbindung mit dem Arbeitgeber: { $error }
ops-client-interrupted = Die Übertragung wurde unterbrochen ({ $detail }); sie wird beim nächsten Mal an derselben Stelle fortgesetzt
ops-client-busy = Der Arbeitgeber ist gerade mit vielen Verbindungen beschäftigt; bitte versuchen Sie es gleich noch einmal
ops-ticket-not-a-ticket = Das ist kein Peerview-Einladungsticket (es sollte mit "pvinvite1", "pvreview1" oder "pvhub1" beginnen oder ein Link "peerview:join/..." sein)
ops-ticket-bad-characters = Das Ticket enthält Zeichen, die nicht zu einem Ticket gehören können; bitte kopieren Sie es noch einmal vollständig
ops-ticket-damaged = Das Ticket ist beschädigt oder unvollständig (seine Prüfsumme stimmt nicht); bitte kopieren Sie es noch einmal vollständig
ops-ticket-unsupported = Das Ticket stammt aus einer neueren Version von Peerview; bitte aktualisieren Sie Peerview, um es zu verwenden
ops-exchanged-candidate = { $documents ->
    [one] 1 Dokument
   *[other] { $documents } Dokumente
} synchronisiert ({ $changed } geändert)
ops-exchanged-candidate-offered = { $documents ->
    [one] 1 Dokument
   *[other] { $documents } Dokumente
} synchronisiert ({ $changed } geändert); Aufzeichnungen angeboten
ops-exchanged-reviewer = { $documents ->
    [one] 1 Dokument
   *[other] { $documents } Dokumente
} synchronisiert ({ $changed } geändert), { $recordings ->
    [one] 1 Aufzeichnung
   *[other] { $recordings } Aufzeichnungen
} heruntergeladen
ops-exchanged-hub = abgeglichen ({ $changed ->
    [one] 1 Dokument
   *[other] { $changed } Dokumente
} geändert, { $recordings ->
    [one] 1 Aufzeichnung
   *[other] { $recordings } Aufzeichnungen
} kopiert)
ops-which-candidate = Bitte geben Sie an, welcher Bewerber gemeint ist: die ID (siehe `peerview campaign show`), der Name oder die E-Mail-Adresse
ops-no-such-candidate = Hier gibt es keinen Bewerber „{ $who }“ (versuchen Sie die ID aus `peerview campaign show`)
ops-several-candidates = „{ $who }“ passt zu mehreren Bewerbern ({ $ids }); bitte verwenden Sie die ID
ops-campaign-not-here = Die Kampagne { $campaign } ist nicht auf diesem Rechner
ops-only-employer-deletes = Nur die Arbeitgeberseite (der Knoten des Arbeitgebers oder ein Hub) löscht Einreichungen; als Prüfer wenden Sie sich bitte an den Arbeitgeber
ops-only-candidate-withdraws = Nur Bewerber treten zurück (dies ist die Einladung eines Prüfers oder eines Knotens der Arbeitgeberseite)
ops-withdraw-sync-first = { $error } (bitte synchronisieren Sie einmal, bevor Sie zurücktreten)
ops-already-deleted = Die Arbeitgeberseite hat diese Einreichung bereits gelöscht
ops-request-extension = Verlängerung der Frist um { $days ->
    [one] 1 Tag
   *[other] { $days } Tage
}
ops-request-takes = { $takes ->
    [one] 1 zusätzliche Aufnahme
   *[other] { $takes } zusätzliche Aufnahmen
} pro Frage
ops-request-time = { $percent } % mehr Zeit zum Überlegen und Antworten
ops-request-time-and-takes = { $percent } % mehr Zeit und { $takes ->
    [one] 1 zusätzliche Aufnahme
   *[other] { $takes } zusätzliche Aufnahmen
} pro Frage
ops-the-request = die Anfrage
ops-not-a-candidate = Dieser Rechner ist kein Bewerber in dieser Kampagne
ops-message-submission-deleted = Die Arbeitgeberseite hat diese Einreichung gelöscht; es gibt niemanden mehr, dem Sie schreiben könnten
ops-message-not-sent = nicht gesendet: { $reason }
ops-keeping-message = Ihre Nachricht speichern
ops-reviewers-may-not-write = Prüfer dieser Kampagne lesen das Gespräch mit; ob sie schreiben dürfen, entscheidet der Arbeitgeber
ops-employer-answers-requests = Anfragen beantwortet der Arbeitgeber
ops-no-open-request = Keine offene Anfrage { $id }
ops-no-open-requests = Es gibt keine offene Anfrage
ops-several-open-requests = Mehrere offene Anfragen; bitte geben Sie an, welche (ihre IDs stehen in `peerview status`)
ops-decline-needs-reason = Bitte geben Sie an, warum die Anfrage abgelehnt wird: Der Bewerber liest es
ops-not-a-request = keine Anfrage
ops-grant-same-kind = Die Anfrage bittet um { $asked }; bitte bewilligen Sie diese Art
ops-granted-note = { $what } bewilligt
ops-granted-note-with = { $what } bewilligt. { $note }
ops-message-too-long = Eine Nachricht hat höchstens { $max } Zeichen (diese hat { $chars })
ops-message-empty = Die Nachricht ist leer
ops-message-extension-range = Eine Verlängerung umfasst 1 bis { $max } Tage
ops-message-accommodation-range = Ein Nachteilsausgleich umfasst bis zu { $percent } % mehr Zeit und bis zu { $takes } zusätzliche Aufnahmen
ops-message-all-sent = Sie haben die { $max } Nachrichten gesendet, die eine Einreichung erlaubt
ops-message-day-budget = Sie haben in den letzten 24 Stunden { $max } Nachrichten gesendet; bitte warten Sie auf eine Antwort
ops-message-malformed = Die Nachricht kann nicht gesendet werden: { $reason }
ops-thread-line = { $at }  { $who }: { $text }
ops-thread-candidate = Bewerber
ops-thread-employer = der Arbeitgeber
ops-thread-request-open = ANFRAGE { $what } [{ $id }]: { $reason } (offen)
ops-thread-request-granted = ANFRAGE { $what } [{ $id }]: { $reason } (bewilligt)
ops-thread-request-declined = ANFRAGE { $what } [{ $id }]: { $reason } (abgelehnt)
ops-thread-granted = BEWILLIGT: { $what }
ops-thread-granted-note = BEWILLIGT: { $what } — { $note }
ops-thread-declined = ABGELEHNT: { $what }
ops-thread-declined-note = ABGELEHNT: { $what } — { $note }
ops-node-address-not-saved = Die Adresse des Knotens für Einladungen konnte nicht gespeichert werden: { $error }
ops-node-shutting-down = beim Beenden: { $error }
ops-recordings-no-hash = Der laufende Knoten hat die Aufzeichnung gespeichert, aber ihren Hash nicht genannt
ops-local-another-peerview = Ein anderes Peerview antwortet auf { $path }
ops-local-removing-stale = die verwaiste Datei { $path } entfernen
ops-local-listening = auf { $path } lauschen (der Pfad eines Unix-Sockets ist auf etwa 100 Bytes begrenzt)
ops-local-making-private = { $path } privat machen
ops-local-listening-pipe = auf der benannten Pipe { $path } lauschen
ops-local-request-too-long = Eine Anfrage hat höchstens { $max } Bytes
ops-local-not-a-request = keine Anfrage, die dieser Knoten versteht: { $error }
ops-local-not-an-app = Das Peerview, das auf diesem Datenverzeichnis läuft, zeigt nicht die Ansichten für Bewerber (es ist `peerview serve` oder die App als Arbeitgeber oder Prüfer); fügen Sie die Einladung dort ein oder beenden Sie es und öffnen Sie den Link erneut
ops-local-export-not-absolute = Das Exportziel muss ein absoluter Pfad sein
ops-local-add-not-absolute = Der Pfad der Aufzeichnung muss absolut sein
ops-local-storing = { $path } speichern: { $error }
ops-local-asking = den laufenden Knoten fragen
ops-local-no-answer = Der laufende Knoten hat nicht innerhalb von { $minutes ->
    [one] 1 Minute
   *[other] { $minutes } Minuten
} geantwortet
ops-local-reading-answer = die Antwort des laufenden Knotens lesen
ops-local-closed = Der laufende Knoten hat die Verbindung geschlossen, ohne zu antworten
ops-local-not-understood = Die Antwort des laufenden Knotens ist unverständlich: { $error }
ops-local-handing-over = die Einladung an das laufende Peerview übergeben
ops-local-reading-app-answer = die Antwort des laufenden Peerview lesen
ops-local-app-closed = Das laufende Peerview hat die Verbindung geschlossen, ohne zu antworten
ops-local-app-not-understood = Die Antwort des laufenden Peerview ist unverständlich: { $error }
ops-relay-stopping = beim Beenden des Relays: { $error }
ops-relay-stopped = Das Relay wurde beendet: { $error }
ops-relay-tls-versions = TLS-Protokollversionen
ops-relay-reading-cert = das Zertifikat { $file } lesen
ops-relay-not-pem = { $file } ist keine PEM-Zertifikatskette
ops-relay-no-cert = { $file } enthält kein Zertifikat
ops-relay-reading-key = den privaten Schlüssel { $file } lesen (PEM)
ops-relay-key-mismatch = Zertifikat und Schlüssel passen nicht zusammen
ops-relay-acme-needs-hostname = Let's Encrypt braucht den öffentlichen Hostnamen des Relays
ops-relay-starting = beim Starten des Relays: { $error }
ops-relay-http = http
ops-relay-http-captive = http (Captive-Portal-Prüfung)
ops-relay-https = https
ops-relay-quic = QUIC-Adresserkennung
ops-take-recovered = Eine unterbrochene Aufnahme wurde wiederhergestellt: { $file } ({ $bytes ->
    [one] 1 Byte
   *[other] { $bytes } Bytes
} behalten, abspielbar)
ops-take-nothing-playable = Eine unterbrochene Aufnahme in { $dir } enthielt noch nichts Abspielbares
ops-take-not-repaired = Die unterbrochene Aufnahme in { $dir } konnte nicht repariert werden: { $error }
