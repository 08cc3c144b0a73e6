common-date-time = { $day }/{ $month }/{ $year } { $time } { $zone }
common-deadline-two-zones = { $there } ({ $here } chez vous)
common-now = maintenant
common-in-minutes = { $n ->
    [one] dans { $n } minute
   *[other] dans { $n } minutes
}
common-in-hours = { $n ->
    [one] dans { $n } heure
   *[other] dans { $n } heures
}
common-in-days = { $n ->
    [one] dans { $n } jour
   *[other] dans { $n } jours
}
common-minutes-ago = { $n ->
    [one] il y a { $n } minute
   *[other] il y a { $n } minutes
}
common-hours-ago = { $n ->
    [one] il y a { $n } heure
   *[other] il y a { $n } heures
}
common-days-ago = { $n ->
    [one] il y a { $n } jour
   *[other] il y a { $n } jours
}
common-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
common-megabytes = { $mb } Mo
common-secs = { $s } s
common-mins = { $m } min
common-mins-secs = { $m } min { $s } s
common-kind-video = vidéo
common-kind-audio = audio
common-kind-text = texte
common-rules-text-unlimited = texte · réflexion { $think } · sans limite de temps
common-rules-text = texte · réflexion { $think } · rédiger en { $limit }
common-rules-recording = { $kind } · réflexion { $think } · réponse jusqu’à { $limit } · { $takes ->
    [one] { $takes } prise
   *[other] { $takes } prises
}
common-language = Langue

app-settings-not-saved = Impossible d’enregistrer vos réglages : { $error }
app-dismiss = Fermer
app-theme = Thème
app-theme-hint = Passer du clair au sombre
app-change-role = Changer de rôle
app-language-system = Système ({ $language })
app-role-candidate = Candidat·e
app-role-employer = Employeur
app-role-reviewer = Évaluateur·rice
app-welcome = Bienvenue dans Peerview
app-welcome-question = Comment utiliserez-vous Peerview sur cet ordinateur ? Vous pourrez changer plus tard.
app-choose-candidate = Je suis candidat·e
app-choose-candidate-detail = Ouvrir une invitation à un entretien et enregistrer vos réponses, même hors ligne.
app-choose-employer = Je recrute
app-choose-employer-detail = Créer des entretiens, inviter des candidats et évaluer leurs réponses.
app-choose-reviewer = J’évalue pour un employeur
app-choose-reviewer-detail = Regarder, noter et commenter les réponses des candidats.
app-invite-handed-over = L’invitation a été ouverte dans la fenêtre Peerview déjà ouverte.
app-no-display = La fenêtre de Peerview a besoin d’un affichage graphique, et aucun n’a été trouvé (ni DISPLAY ni WAYLAND_DISPLAY n’est défini).
    Sur un serveur, lancez plutôt le nœud employeur sans fenêtre : `peerview serve` ; `peerview --help` liste toutes les commandes.
app-window-failed = Impossible d’ouvrir la fenêtre de Peerview : { $error }
    La fenêtre a besoin d’un affichage graphique (DISPLAY ou WAYLAND_DISPLAY).
    Sur un serveur, lancez plutôt `peerview serve` ; `peerview --help` liste toutes les commandes.

ui-waiting-for-picture = En attente de l’image...
ui-mic-level = Niveau du micro
ui-mic-too-quiet = trop faible ? parlez plus fort ou rapprochez-vous
ui-mic-good = bon
ui-cannot-play = impossible de lire { $file } : { $error }
ui-sound-only = { $label } (son uniquement)
ui-play = Lecture
ui-pause = Pause
ui-seek = Position
ui-speed = Vitesse
ui-speed-value = { $speed }x
ui-test-pattern = Mire de test
ui-test-tone = Son de test
ui-quiet-test-tone = Son de test faible
a11y-think-started = Temps de réflexion. L’enregistrement commence dans { $duration }.
a11y-recording-started = Enregistrement en cours. Vous avez { $duration }.
a11y-writing-started = Rédaction. Vous avez { $duration }.
a11y-think-left = L’enregistrement commence dans { $seconds } secondes
a11y-time-left = Encore { $seconds } secondes
