# Die Bildschirme des Arbeitgebers und der Prüfer/innen (app/src/gui/review).
# $verdict ist immer advance, hold oder reject; $state ist invited, joined oder revoked.

## Rahmen: Statusleiste, Hinweise, Kampagnenliste, Reiter.
rev-node-employer = Arbeitgeber-Knoten { $id }: { $reachability } – { $peers } verbunden – { $transfers ->
    [one] 1 Übertragung
   *[other] { $transfers } Übertragungen
}
rev-node-reviewer = Prüfer-Knoten { $id }: { $reachability } – { $peers } verbunden – { $transfers ->
    [one] 1 Übertragung
   *[other] { $transfers } Übertragungen
}
rev-node-starting = startet
rev-reach-offline = offline
rev-reach-direct = direkt ({ $addresses })
rev-reach-direct-and-relay = direkt ({ $addresses }) und über Relay { $relay }
rev-reach-employer = mit dem Arbeitgeber verbunden
rev-reach-employer-via = mit dem Arbeitgeber verbunden, { $path }
rev-node-failed = { $error }. Lesen ist möglich; Empfangen und Senden nicht.
rev-toast-new-submission = Neue Einreichung von { $name }
rev-toast-new-message = Neue Nachricht von { $name }
rev-campaigns = Kampagnen
rev-new-campaign = Neue Kampagne
rev-campaign-counts = { $candidates ->
    [one] 1 Bewerber/in
   *[other] { $candidates } Bewerber/innen
}, { $submitted } eingereicht
rev-no-campaign = Noch keine Kampagne. Legen Sie eine mit „Neue Kampagne“ an.
rev-tab-candidates = Bewerber/innen
rev-tab-invites = Einladungen
rev-tab-campaign = Kampagne

## Als Prüfer/in beitreten.
rev-join-heading = Als Prüfer/in beitreten
rev-join-explain = Fügen Sie das Prüfer-Ticket ein, das Ihnen der Arbeitgeber geschickt hat (es beginnt mit „pvreview1“).
rev-join-ticket = Prüfer-Ticket
rev-join = Beitreten
rev-joined = Beigetreten: Die Einreichungen der Kampagne treffen ein
rev-error-not-reviewer-ticket = Dies ist kein Prüfer-Ticket

## Posteingang.
rev-filter = Filter
rev-sort-by = Sortieren nach
rev-sort-name = Name
rev-sort-status = Status
rev-sort-submitted = Eingereicht
rev-no-candidates = Noch keine Bewerber/innen. Laden Sie welche im Reiter „Einladungen“ ein.
rev-new-messages = { $count ->
    [one] 1 neue Nachricht
   *[other] { $count } neue Nachrichten
}
rev-open-requests = { $count ->
    [one] 1 offene Anfrage
   *[other] { $count } offene Anfragen
}
rev-average-of-five = { $mean } / 5
rev-review-candidate = { $name } bewerten
rev-state-invited = eingeladen
rev-state-joined = beigetreten
rev-state-revoked = widerrufen
rev-state-deleted = gelöscht
rev-status-decided = { $verdict ->
    [advance] entschieden: weiter
    [hold] entschieden: zurückgestellt
   *[reject] entschieden: abgelehnt
}
rev-status-receiving = wird empfangen: { $percent } %
rev-status-viewed = angesehen
rev-status-complete = vollständig
rev-status-in-progress = in Arbeit ({ $answered } von { $questions })

## Einladungen.
rev-invite-candidate = Bewerber/in einladen
rev-invite-name = Name
rev-invite-email = E-Mail
rev-invite = Einladen
rev-invite-several = Mehrere einladen (CSV: Name, E-Mail pro Zeile)
rev-invite-csv = Bewerber/innen als CSV
rev-invite-all = Alle einladen
rev-csv-empty = Die CSV-Datei enthält niemanden
rev-csv-no-name = Zeile { $line }: Der Name fehlt
rev-csv-bad-email = Zeile { $line }: „{ $email }“ ist keine E-Mail-Adresse
rev-reviewer-name = Name der Prüferin/des Prüfers
rev-invite-reviewer = Prüfer/in einladen
rev-new-tickets = Neue Tickets: Senden Sie jedes an die jeweilige Person
rev-ticket-of-reviewer = { $name } (Prüfer/in)
rev-copy-ticket = Ticket für { $name } kopieren
rev-ticket-copied = Ticket für { $name } kopiert
rev-copy-link = Link für { $name } kopieren
rev-link-copied = Link für { $name } kopiert: Er öffnet Peerview mit der Einladung
rev-email-invite = Einladung an { $name } mailen
rev-mail-draft-opens = Ein Entwurf an { $name } öffnet sich in Ihrem E-Mail-Programm
rev-mail-program-failed = Ihr E-Mail-Programm konnte nicht geöffnet werden ({ $error }); verwenden Sie „Link kopieren“
rev-drafts-folder = Ordner für E-Mail-Entwürfe
rev-save-drafts = E-Mail-Entwürfe speichern (.eml)
rev-drafts-default-folder = Peerview-Einladungen
rev-drafts-saved = { $count ->
    [one] 1 E-Mail-Entwurf in { $dir } gespeichert: Öffnen Sie ihn in Ihrem E-Mail-Programm und senden Sie ihn ab
   *[other] { $count } E-Mail-Entwürfe in { $dir } gespeichert: Öffnen Sie jeden in Ihrem E-Mail-Programm und senden Sie ihn ab
}
rev-error-creating = { $path } konnte nicht angelegt werden
rev-error-writing = { $path } konnte nicht geschrieben werden
rev-qr-too-long = (zu lang für einen QR-Code)
rev-qr-code = QR-Code des Tickets
rev-invited-candidates = Eingeladene Bewerber/innen
rev-days-later = { $days ->
    [one] 1 Tag später
   *[other] { $days } Tage später
}
rev-more-time = { $percent } % mehr Zeit
rev-extra-takes = { $takes ->
    [one] 1 zusätzliche Aufnahme
   *[other] { $takes } zusätzliche Aufnahmen
}
rev-save-for = Für { $name } speichern
rev-revoke = { $name } widerrufen
rev-delete = { $name } löschen
rev-delete-hint = Löscht die Einreichung, Bewertungen, Aufnahmen, Name und E-Mail hier, auf Hubs und auf den Computern der Prüfer/innen
rev-delete-confirm = Überall und endgültig löschen?
rev-delete-yes = Ja, { $name } löschen
rev-delete-keep = Behalten
rev-reviewers = Prüfer/innen
rev-reviewer-state = { $state ->
    [joined] { $name } (beigetreten)
    [revoked] { $name } (widerrufen)
   *[invited] { $name } (eingeladen)
}
rev-error-no-candidate = Keine Bewerberin/kein Bewerber { $candidate } in dieser Kampagne
rev-error-node-not-started = Der Arbeitgeber-Knoten ist nicht gestartet, daher kann ein Ticket nicht angeben, wohin die Verbindung gehen soll

## Kampagnen-Editor.
rev-title = Titel
rev-role = Stelle
rev-instructions = Hinweise
rev-language = Sprache für die Bewerber/innen
rev-language-each = Jeweils ihre eigene
rev-time-zone = Zeitzone
rev-time-zone-hint = z. B. Europe/Berlin
rev-time-zone-unknown = Diese Zeitzone kennt dieser Computer nicht
rev-deadline = Frist ({ $zone })
rev-error-zone = Die Zeitzone „{ $zone }“ kennt dieser Computer nicht; verwenden Sie einen IANA-Namen wie Europe/Berlin
rev-criteria = Bewertungskriterien
rev-retention = Einreichungen aufbewahren (Tage nach der Entscheidung)
rev-retention-none = bis zum Löschen
rev-retention-hint = Wird überall gelöscht (dieser Computer, Hubs, Prüfer/innen), wenn die Zeit abgelaufen ist
rev-blind-review = Anonyme Bewertung: Prüfer/innen sehen Pseudonyme statt Namen und E-Mail-Adressen
rev-reviewers-may-message = Prüfer/innen dürfen Bewerber/innen schreiben (lesen dürfen sie immer)
rev-practice = Übungsfrage (zählt nie)
rev-practice-default-prompt = Erzählen Sie uns von Ihrem Lieblingsort.
rev-default-prompt = Stellen Sie sich bitte vor.
rev-criterion-communication = Kommunikation
rev-criterion-experience = Einschlägige Erfahrung
rev-criterion-motivation = Motivation
rev-practice-prompt = Text der Übungsfrage
rev-practice-answer = Antwortart der Übungsfrage
rev-questions = Fragen
rev-question-number = { $n }.
rev-move-up = Frage { $n } nach oben
rev-move-down = Frage { $n } nach unten
rev-remove-question = Frage { $n } entfernen
rev-question-prompt = Text von Frage { $n }
rev-question-answer = Antwortart von Frage { $n }
rev-think-secs = { $secs } s Bedenkzeit
rev-limit-secs = { $secs } s Zeitlimit
rev-max-takes = { $takes ->
    [one] 1 Aufnahme
   *[other] { $takes } Aufnahmen
}
rev-add-question = Frage hinzufügen
rev-save-campaign = Kampagne speichern
rev-duplicate = Duplizieren
rev-copy-title = { $title } (Kopie)
rev-unsaved-copy = Dies ist eine ungespeicherte Kopie: Ändern Sie sie und speichern Sie.
rev-export-toml = TOML exportieren
rev-campaign-file = Kampagnendatei (TOML) importieren oder exportieren
rev-campaign-toml = Kampagne als TOML
rev-import = Als neue Kampagne importieren
rev-imported = Importiert: Bitte prüfen und speichern.
rev-imported-text = der importierte Text
rev-the-campaign = die Kampagne
rev-error-no-title = Der Titel darf nicht leer sein
rev-error-deadline = Die Frist „{ $deadline }“ ist kein Datum mit Uhrzeit wie 2026-12-31 17:00
rev-error-deadline-range = Die Frist liegt außerhalb des möglichen Bereichs; wählen Sie ein Datum zwischen 1970 und 9999
rev-error-no-criteria = Nennen Sie mindestens ein Bewertungskriterium
rev-error-retention = Einreichungen aufbewahren: „{ $days }“ ist keine Anzahl von Tagen
rev-error-no-prompt = Frage { $n } hat keinen Text
rev-error-no-limit = Frage { $n } braucht ein Zeitlimit für die Antwort

## Eine Einreichung bewerten.
rev-back-to-inbox = Zurück zum Posteingang
rev-export = Exportieren
rev-question = Frage { $n }
rev-not-answered = Nicht beantwortet.
rev-player-label = { $name }: Antwort { $n }
rev-recording-arriving = Die Aufnahme trifft noch ein ({ $percent } %).
rev-take = Aufnahme { $take }, { $duration }
rev-waveform = Wellenform der Antwort
rev-comments = Kommentare
rev-comment-item = { $at } { $name }: { $text }
rev-play-from-here = Ab hier abspielen
rev-comment = Kommentar
rev-comment-at = Kommentar bei { $at }
rev-your-scorecard = Ihr Bewertungsbogen ({ $name })
rev-not-scored = nicht bewertet
rev-score-1 = 1 – schlecht
rev-score-2 = 2 – schwach
rev-score-3 = 3 – ausreichend
rev-score-4 = 4 – gut
rev-score-5 = 5 – ausgezeichnet
rev-submit-scorecard = Meinen Bewertungsbogen abgeben
rev-others-scored = { $count ->
    [one] 1 weitere Prüferin oder weiterer Prüfer hat diese Person bewertet; die Bewertung wird sichtbar, sobald Sie Ihre abgegeben haben.
   *[other] { $count } weitere Prüfer/innen haben diese Person bewertet; die Bewertungen werden sichtbar, sobald Sie Ihre abgegeben haben.
}
rev-side-by-side = Bewertungsbögen im Vergleich:
rev-criterion = Kriterium
rev-average = Durchschnitt
rev-decision = Entscheidung
rev-decision-sent = { $verdict ->
    [advance] An die Bewerberin/den Bewerber gesendet: weiter, von { $by } am { $at }
    [hold] An die Bewerberin/den Bewerber gesendet: zurückgestellt, von { $by } am { $at }
   *[reject] An die Bewerberin/den Bewerber gesendet: abgelehnt, von { $by } am { $at }
}
rev-decision-sent-with-message = { $verdict ->
    [advance] An die Bewerberin/den Bewerber gesendet: weiter, von { $by } am { $at } – „{ $message }“
    [hold] An die Bewerberin/den Bewerber gesendet: zurückgestellt, von { $by } am { $at } – „{ $message }“
   *[reject] An die Bewerberin/den Bewerber gesendet: abgelehnt, von { $by } am { $at } – „{ $message }“
}
rev-advance = Weiter
rev-hold = Zurückstellen
rev-reject = Ablehnen
rev-decision-message = Nachricht an die Bewerberin/den Bewerber (optional)
rev-send-decision = Entscheidung senden
rev-error-store-closed = Der Aufnahmenspeicher ist nicht geöffnet

## Das Gespräch mit der Bewerberin/dem Bewerber.
rev-conversation = Gespräch mit der Bewerberin/dem Bewerber
rev-no-messages = Keine Nachrichten.
rev-message-from = { $name }:
rev-request-asks = { $kind ->
    [extension] bittet um { $days ->
        [one] 1 weiteren Tag
       *[other] { $days } weitere Tage
    } bis zur Frist: { $reason }
    [time] bittet um { $percent } % mehr Zeit zum Nachdenken und Antworten: { $reason }
    [takes] bittet um { $takes ->
        [one] 1 weitere Aufnahme
       *[other] { $takes } weitere Aufnahmen
    } pro Frage: { $reason }
   *[both] bittet um { $percent } % mehr Zeit und { $takes ->
        [one] 1 weitere Aufnahme
       *[other] { $takes } weitere Aufnahmen
    } pro Frage: { $reason }
}
rev-open-request = { $kind ->
    [extension] Offene Anfrage: { $days ->
        [one] 1 weiterer Tag
       *[other] { $days } weitere Tage
    } bis zur Frist
    [time] Offene Anfrage: { $percent } % mehr Zeit zum Nachdenken und Antworten
    [takes] Offene Anfrage: { $takes ->
        [one] 1 weitere Aufnahme
       *[other] { $takes } weitere Aufnahmen
    } pro Frage
   *[both] Offene Anfrage: { $percent } % mehr Zeit und { $takes ->
        [one] 1 weitere Aufnahme
       *[other] { $takes } weitere Aufnahmen
    } pro Frage
}
rev-grant = { $kind ->
    [extension] { $days ->
        [one] 1 weiteren Tag
       *[other] { $days } weitere Tage
    } bis zur Frist gewähren
    [time] { $percent } % mehr Zeit zum Nachdenken und Antworten gewähren
    [takes] { $takes ->
        [one] 1 weitere Aufnahme
       *[other] { $takes } weitere Aufnahmen
    } pro Frage gewähren
   *[both] { $percent } % mehr Zeit und { $takes ->
        [one] 1 weitere Aufnahme
       *[other] { $takes } weitere Aufnahmen
    } pro Frage gewähren
}
rev-granted = Gewährt
rev-granted-note = Gewährt: { $note }
rev-declined = Abgelehnt
rev-declined-note = Abgelehnt: { $note }
rev-grant-days = Zu gewährende Tage
rev-grant-time = Zu gewährende zusätzliche Zeit (%)
rev-grant-takes = Zu gewährende zusätzliche Aufnahmen
rev-decline-reason = Grund der Ablehnung
rev-decline = Ablehnen
rev-message-to-candidate = Nachricht an die Bewerberin/den Bewerber
rev-send-message = Nachricht senden

## Meldungen des Dienstes.
rev-saved-campaign = „{ $title }“ gespeichert
rev-saved-invited = Eingeladen
rev-saved-reviewer-invited = Prüfer/in eingeladen
rev-saved-message = Nachricht gespeichert; die Bewerberin/der Bewerber erhält sie bei der nächsten Synchronisierung
rev-saved-granted = Anfrage gewährt
rev-saved-declined = Anfrage abgelehnt
rev-saved-deleted = Die Einreichung von { $name } wurde hier gelöscht; Hubs und Prüfer/innen löschen ihre bei der nächsten Synchronisierung
rev-saved-revoked = Die Einladung von { $name } wurde widerrufen
rev-saved-accommodations = Anpassungen gespeichert
rev-saved-viewed = Als angesehen markiert
rev-saved-score = Bewertung gespeichert
rev-saved-scorecard = Bewertungsbogen abgegeben
rev-saved-comment = Kommentar hinzugefügt
rev-saved-decision = { $verdict ->
    [advance] Entscheidung gesendet: weiter
    [hold] Entscheidung gesendet: zurückgestellt
   *[reject] Entscheidung gesendet: abgelehnt
}
rev-saved-recommendation = { $verdict ->
    [advance] Empfohlen: weiter (die Entscheidung sendet der Arbeitgeber)
    [hold] Empfohlen: zurückstellen (die Entscheidung sendet der Arbeitgeber)
   *[reject] Empfohlen: ablehnen (die Entscheidung sendet der Arbeitgeber)
}
rev-exported = { $files ->
    [one] 1 Datei
   *[other] { $files } Dateien
} nach { $dir } exportiert
rev-exported-missing = { $files ->
    [one] 1 Datei
   *[other] { $files } Dateien
} nach { $dir } exportiert ({ $missing ->
    [one] 1 Aufnahme ist noch nicht hier
   *[other] { $missing } Aufnahmen sind noch nicht hier
})
