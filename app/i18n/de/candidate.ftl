## Von mehreren Bildschirmen genutzt
cand-back = Zurück
cand-back-home = Zurück zu Ihren Interviews
cand-open-invite = Einladung öffnen
cand-messages-title = Nachrichten mit dem Arbeitgeber
cand-take = Aufnahme { $number }
cand-characters = { $count ->
    [one] { $count } Zeichen
   *[other] { $count } Zeichen
}
cand-key-space = Leertaste
cand-key-enter = Eingabetaste

## Die Leiste am unteren Rand
cand-connecting = Verbindung zum Arbeitgeber wird hergestellt...
cand-online = Online: mit dem Arbeitgeber verbunden
cand-online-relay = Online: über ein Relay mit dem Arbeitgeber verbunden
cand-online-direct = Online: direkt mit dem Arbeitgeber verbunden
cand-offline = Offline: Alles ist auf diesem Computer gespeichert und wird gesendet, sobald der Arbeitgeber erreichbar ist

## Hinweise über dem Bildschirm
cand-notice-new-message = Neue Nachricht zu „{ $title }“ ({ $role })
cand-notice-invite-later = Ein Einladungslink wurde geöffnet. Schließen Sie diesen Schritt ab und wählen Sie dann „Einladung öffnen“: Dort ist der Link bereits eingetragen.
cand-submit-failed = Ihre Antworten konnten nicht eingereicht werden: { $error }
cand-problem-node = { $error }. Sie können Ihre Interviews lesen, aber nicht beantworten oder senden.
cand-problem-take-dir = Die Aufnahme in { $dir } konnte nicht vorbereitet werden: { $error }
cand-problem-refused = Der Arbeitgeber hat abgelehnt: { $reason }
cand-problem-withdraw = Das Zurückziehen ist fehlgeschlagen: { $error }

## Start: die Liste der Interviews
cand-home-title = Ihre Interviews
cand-home-paste-hint = Oder fügen Sie hier den Einladungslink oder das Ticket ein, das Ihnen der Arbeitgeber geschickt hat (Strg+V).
cand-home-empty = Sie haben noch keine Interviews. Öffnen Sie den Einladungslink oder das Ticket, das Ihnen der Arbeitgeber geschickt hat.
cand-home-deadline = Frist: { $deadline } ({ $relative })
cand-home-status = Stand: { $state }
cand-home-unread = { $count ->
    [one] { $count } neue Nachricht vom Arbeitgeber
   *[other] { $count } neue Nachrichten vom Arbeitgeber
}
cand-home-open = { $title } öffnen
cand-state-advance = entschieden (weiter im Verfahren)
cand-state-hold = entschieden (zurückgestellt)
cand-state-reject = entschieden (abgelehnt)
cand-state-viewed = vom Arbeitgeber angesehen
cand-state-received = beim Arbeitgeber eingegangen
cand-state-sending = eingereicht, { $percent } % gesendet
cand-state-submitted = eingereicht
cand-state-not-started = noch nicht begonnen
cand-state-answered = { $answered } von { $total } beantwortet

## Eine Einladung öffnen
cand-invite-hint = Fügen Sie den Einladungslink oder das Ticket ein, das Ihnen der Arbeitgeber geschickt hat. Es beginnt mit „peerview:join/“ oder „pvinvite1“.
cand-invite-ticket = Einladungsticket
cand-invite-open = Interview öffnen
cand-invite-contacting = Der Arbeitgeber wird kontaktiert...
cand-join-not-a-ticket = Das ist kein Einladungsticket von Peerview (es sollte mit „pvinvite1“, „pvreview1“ oder „pvhub1“ beginnen oder ein Link „peerview:join/...“ sein).
cand-join-bad-characters = Das Ticket enthält Zeichen, die nicht zu einem Ticket gehören können. Bitte kopieren Sie es noch einmal vollständig.
cand-join-damaged = Das Ticket ist beschädigt oder unvollständig (die Prüfsumme stimmt nicht). Bitte kopieren Sie es noch einmal vollständig.
cand-join-unsupported = Das Ticket stammt aus einer neueren Version von Peerview. Bitte aktualisieren Sie Peerview, um es zu verwenden.
cand-join-not-for-candidates = Das ist ein Ticket für Prüfer oder für einen Arbeitgeber-Knoten. Bitte öffnen Sie es im Peerview des Arbeitgebers.
cand-join-no-store = Der Speicher für Aufnahmen konnte nicht geöffnet werden.
cand-join-unreachable = Der Computer des Arbeitgebers war nicht erreichbar, daher konnte das Interview noch nicht geladen werden. Prüfen Sie Ihre Internetverbindung und versuchen Sie es später noch einmal; das Ticket bleibt gültig.
cand-join-refused = Der Arbeitgeber hat diese Einladung abgelehnt: { $reason }.
cand-join-failed = Die Einladung konnte nicht geöffnet werden: { $error }

## Die Übersicht eines Interviews
cand-overview-from-employer = Vom Arbeitgeber
cand-overview-how = So funktioniert es
cand-overview-questions = { $count ->
    [one] { $count } Frage
   *[other] { $count } Fragen
}. Beantworten Sie alles in einem Durchgang oder kommen Sie später wieder: Ihre Antworten werden laufend gespeichert.
cand-overview-rule-video = { $number }. Videoantwort, { $think } Bedenkzeit, bis zu { $limit }, { $takes ->
    [one] { $takes } Versuch
   *[other] { $takes } Versuche
}
cand-overview-rule-audio = { $number }. Audioantwort, { $think } Bedenkzeit, bis zu { $limit }, { $takes ->
    [one] { $takes } Versuch
   *[other] { $takes } Versuche
}
cand-overview-rule-text = { $number }. schriftliche Antwort
cand-overview-practice = Zuerst kommt eine Übungsfrage; sie zählt nicht.
cand-overview-deadline = Frist: { $deadline } ({ $relative })
cand-overview-see-status = Stand Ihrer Einsendung ansehen
cand-overview-deadline-passed = Die Frist ist am { $deadline } abgelaufen. Bitten Sie den Arbeitgeber unter „Nachrichten“ um mehr Zeit.
cand-overview-check-devices = Kamera und Mikrofon prüfen
cand-overview-continue = Weiter mit Frage { $number } von { $total }
cand-overview-review-submit = Prüfen und einreichen
cand-overview-messages-new = Nachrichten mit dem Arbeitgeber ({ $count } neu)

## Die Geräteprüfung
cand-check-title = Kamera und Mikrofon prüfen
cand-check-intro = Stellen Sie sicher, dass man Sie sehen und hören kann. Nichts davon wird an den Arbeitgeber gesendet.
cand-check-mic = Mikrofon
cand-check-default-mic = Standardmikrofon
cand-check-play-back = Spielen Sie den Test ab, um zu prüfen, ob man Sie sieht und hört:
cand-check-recording-test = Testaufnahme läuft... { $left }
cand-check-record-test = { $secs ->
    [one] Test von { $secs } Sekunde aufnehmen
   *[other] Test von { $secs } Sekunden aufnehmen
}
cand-check-to-practice = Weiter zur Übungsfrage
cand-check-start = Interview beginnen
cand-check-tip = Tipp: Nehmen Sie einen kurzen Test auf und spielen Sie ihn ab, bevor Sie beginnen.
cand-check-test-recording = Ihre Testaufnahme
cand-check-test-failed = Die Testaufnahme ist fehlgeschlagen: { $error }
cand-capture-starting = Kamera und Mikrofon werden gestartet...
cand-capture-preview = Kameravorschau
cand-capture-no-camera = Keine Kamera gefunden: Für Videoantworten wird eine Kamera benötigt. Schließen Sie eine an und kommen Sie dann zurück.
cand-capture-failed = Kamera oder Mikrofon konnten nicht gestartet werden: { $error }
cand-device-failed = { $error }. Prüfen Sie das Gerät und versuchen Sie es noch einmal.

## Eine Frage beantworten
cand-answer-practice = Übungsfrage (sie zählt nicht)
cand-answer-question = Frage { $number } von { $total }
cand-answer-think-hint = Überlegen Sie sich Ihre Antwort. Die Aufnahme beginnt, wenn die Zeit abgelaufen ist.
cand-answer-think-hint-text = Überlegen Sie sich Ihre Antwort. Das Schreiben beginnt, wenn die Zeit abgelaufen ist.
cand-answer-think-time = Bedenkzeit { $time }
cand-answer-start-now = Jetzt beginnen
cand-answer-recording-left = Aufnahme: noch { $time }
cand-answer-wrap-up = { $secs ->
    [one] Noch { $secs } Sekunde: Zeit, zum Schluss zu kommen
   *[other] Noch { $secs } Sekunden: Zeit, zum Schluss zu kommen
}
cand-answer-stop = Aufnahme beenden
cand-answer-saving = Ihre Antwort wird gespeichert...
cand-answer-devices-not-ready = Kamera oder Mikrofon sind nicht bereit; die Aufnahme konnte nicht beginnen.
cand-take-failed = Aufnahme { $number } konnte nicht aufgezeichnet werden: { $error }
cand-save-failed = Ihre Antwort konnte nicht gespeichert werden: { $error }
cand-save-no-store = Ihre Antwort konnte nicht gespeichert werden: Der Speicher für Aufnahmen ließ sich nicht öffnen.
cand-save-take-changed = Ihre Antwort konnte nicht gespeichert werden: Die Aufnahme hat sich beim Speichern auf dem Datenträger verändert. Bitte nehmen Sie sie noch einmal auf.

## Aufnahmen ansehen
cand-review-hint = Sehen Sie sich Ihre Aufnahme an. Behalten Sie sie oder nehmen Sie sie noch einmal auf.
cand-review-take = Aufnahme { $number } ({ $duration })
cand-review-take-on-screen = Aufnahme { $number } ({ $duration }) (wird angezeigt)
cand-review-watch = Aufnahme { $number } ansehen
cand-review-keep = Aufnahme { $number } behalten
cand-review-retake = Noch einmal aufnehmen ({ $left } von { $max ->
    [one] { $max } Versuch
   *[other] { $max } Versuchen
} übrig)
cand-review-no-takes-left = Keine Versuche mehr übrig: Behalten Sie die Aufnahme, die Ihnen am besten gefällt.

## Eine schriftliche Antwort
cand-text-time-left = Verbleibende Zeit zum Schreiben: { $time }
cand-text-label = Ihre Antwort
cand-text-save = Antwort speichern

## Die Übersicht vor dem Einreichen
cand-summary-title = Ihre Antworten
cand-summary-recorded = { $number }. { $prompt }: aufgenommen ({ $duration })
cand-summary-written = { $number }. { $prompt }: geschrieben ({ $count ->
    [one] { $count } Zeichen
   *[other] { $count } Zeichen
})
cand-summary-missing = { $number }. { $prompt }: noch nicht beantwortet
cand-summary-final = Nach dem Einreichen lassen sich die Antworten nicht mehr ändern.
cand-summary-submit = Einreichen
cand-summary-remaining = Die übrigen Fragen beantworten

## Der Stand einer Einsendung
cand-status-title = { $title }: Ihre Einsendung
cand-status-not-submitted = Sie haben Ihre Antworten noch nicht eingereicht.
cand-status-decided = Der Arbeitgeber hat eine Entscheidung getroffen.
cand-status-viewed = Der Arbeitgeber hat sich Ihre Antworten angesehen.
cand-status-received = Der Arbeitgeber hat Ihre Antworten erhalten.
cand-status-sent = Ihre Antworten sind gesendet; die Bestätigung des Arbeitgebers steht noch aus.
cand-status-sending = Ihre Antworten sind auf diesem Computer gespeichert und werden gesendet.
cand-step-recorded = Aufgenommen
cand-step-submitted = Eingereicht
cand-step-sent = Gesendet
cand-step-received = Beim Arbeitgeber eingegangen
cand-step-viewed = Angesehen
cand-step-decision = Entscheidung
cand-step-done = erledigt
cand-step-not-yet = noch nicht
cand-verdict-advance = Der Arbeitgeber möchte das Verfahren mit Ihnen fortsetzen.
cand-verdict-reject = Der Arbeitgeber hat sich dieses Mal gegen eine Fortsetzung entschieden.
cand-verdict-hold = Der Arbeitgeber hat Ihre Bewerbung vorerst zurückgestellt.
cand-status-employer-message = Nachricht vom Arbeitgeber: { $message }
cand-status-sending-title = Ihre Antworten werden gesendet
cand-status-offline = Sie sind offline. Ihre Antworten sind auf diesem Computer sicher und werden gesendet, sobald der Arbeitgeber erreichbar ist; Sie können Peerview so lange schließen.
cand-upload-progress = { $sent } von { $total }
cand-upload-progress-rate = { $sent } von { $total }, { $rate }/s, noch etwa { $left }

## Zurückziehen und Löschen
cand-deleted-title = Ihre Einsendung wurde gelöscht.
cand-deleted-receipt = Löschbestätigung: Am { $date } hat die Arbeitgeberseite Ihre Antworten, Aufnahmen, Ihren Namen und Ihre E-Mail-Adresse von ihren Computern gelöscht ({ $reason }).
cand-deletion-by-employer = vom Arbeitgeber gelöscht
cand-deletion-withdrawn = auf Ihren Wunsch zurückgezogen
cand-deletion-retention = die Aufbewahrungsfrist ist abgelaufen
cand-deleted-own-recordings = Ihre eigenen Aufnahmen auf diesem Computer gehören weiterhin Ihnen.
cand-withdrawn-title = Sie haben Ihre Bewerbung für dieses Interview zurückgezogen.
cand-withdrawn-pending = Ihre Bitte, Ihre Einsendung zu löschen, geht mit dem nächsten Abgleich an den Arbeitgeber; die Bestätigung erscheint hier, sobald das erledigt ist.
cand-withdrawn-offline = Sie sind offline: Die Bitte wartet auf diesem Computer.
cand-withdraw = Bewerbung zurückziehen
cand-withdraw-hint = Bittet den Arbeitgeber, Ihre Antworten, Aufnahmen, Ihren Namen und Ihre E-Mail-Adresse zu löschen
cand-withdraw-confirm = Bewerbung zurückziehen und Ihre Einsendung vom Arbeitgeber löschen lassen?
cand-withdraw-yes = Ja, zurückziehen
cand-withdraw-stay = Nicht zurückziehen

## Die Nachrichten mit dem Arbeitgeber
cand-messages-empty = Fragen zur Stelle, zu den Regeln oder ein technisches Problem? Fragen Sie hier; der Arbeitgeber antwortet hier.
cand-messages-from-you = Sie:
cand-messages-from-employer = Arbeitgeber:
cand-request-granted = Anfrage: { $what } (bewilligt). { $reason }
cand-request-declined = Anfrage: { $what } (abgelehnt). { $reason }
cand-request-waiting = Anfrage: { $what } (wartet auf Antwort). { $reason }
cand-request-days = { $days ->
    [one] { $days } Tag mehr bis zur Frist
   *[other] { $days } Tage mehr bis zur Frist
}
cand-request-takes = { $takes ->
    [one] { $takes } Versuch mehr pro Frage
   *[other] { $takes } Versuche mehr pro Frage
}
cand-request-time = { $percent } % mehr Zeit zum Überlegen und Antworten
cand-request-time-takes = { $percent } % mehr Zeit und { $takes ->
    [one] { $takes } Versuch
   *[other] { $takes } Versuche
} mehr pro Frage
cand-outcome-granted = Anfrage bewilligt
cand-outcome-granted-note = Anfrage bewilligt: { $note }
cand-outcome-declined = Anfrage abgelehnt
cand-outcome-declined-note = Anfrage abgelehnt: { $note }
cand-messages-label = Ihre Nachricht
cand-messages-count = { $count } / { $max } Zeichen
cand-messages-send = Nachricht senden
cand-message-refused = Ihre Nachricht konnte nicht gesendet werden: { $error }
cand-ask-for = Bitte um
cand-ask-days-suffix = { $days ->
    [one] {" "}weiteren Tag
   *[other] {" "}weitere Tage
}
cand-ask-time-suffix = {" "}% mehr Zeit
cand-ask-takes-suffix = { $takes ->
    [one] {" "}weiteren Versuch
   *[other] {" "}weitere Versuche
}
cand-ask-more-time = Mehr Zeit erbitten
cand-ask-accommodation = Nachteilsausgleich erbitten
cand-ask-reason-hint = Ihre Nachricht oben ist die Begründung
