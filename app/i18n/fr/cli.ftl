# La ligne de commande (`peerview ...`), les fichiers qu’elle écrit pour les personnes
# (summary.md, e-mails d’invitation) et les opérations que l’application partage avec elle (ops-).
# Attention : en français, [one] vaut aussi pour 0 ; écrivez toujours { $n } dans cette variante.

## Aide : un message par commande et par argument.

cli-help-peerview = Entretiens vidéo différés, de pair à pair et en local d’abord.
cli-help-peerview-long = Entretiens vidéo différés, de pair à pair et en local d’abord.

    Les employeurs créent des campagnes et invitent des candidats ; les candidats enregistrent leurs réponses quand ils le souhaitent, même hors ligne ; les évaluateurs regardent, notent et décident. Sans commande, l’application de bureau s’ouvre.
cli-help-peerview-data-dir = Où Peerview garde ses données (par défaut : $XDG_DATA_HOME/peerview ou ~/.local/share/peerview ; %APPDATA%\Peerview sous Windows, ~/Library/Application Support/Peerview sous macOS).
cli-help-peerview-relay = Relais : `default` (les relais publics d’iroh), `disabled` (adresses directes uniquement) ou une URL.
cli-help-peerview-relay-ca = Faire confiance à ce certificat d’autorité (PEM) pour le relais : un relais auto-hébergé dont le certificat n’est pas signé par une autorité publique.
cli-help-peerview-lan-discovery = Trouver et annoncer les nœuds Peerview sur le réseau local (mDNS) : un nœud de bureau dont l’adresse a changé est toujours retrouvé par son identifiant.
cli-help-gui = Ouvrir l’application de bureau (par défaut quand aucune commande n’est donnée).
cli-help-gui-ticket = Un ticket d’invitation à ouvrir (candidats).
cli-help-gui-synthetic-devices = Utiliser une caméra à mire et un micro à tonalité au lieu des vrais appareils.
cli-help-gui-bind = Où le nœud employeur écoute (par défaut 0.0.0.0:47100).
cli-help-campaign = Créer, lister, afficher et exporter des campagnes (employeur).
cli-help-campaign-create = Créer une campagne à partir d’un fichier TOML (voir examples/campaign.toml) ; affiche son identifiant.
cli-help-campaign-create-file = Le fichier de la campagne.
cli-help-campaign-list = Lister les campagnes de ce nœud.
cli-help-campaign-show = Afficher une campagne : questions, règles, candidats et état de leurs candidatures.
cli-help-campaign-show-id = L’identifiant de la campagne (un début unique suffit).
cli-help-campaign-export = Afficher une campagne au format TOML, pour la modifier et la recréer.
cli-help-campaign-export-id = L’identifiant de la campagne (un début unique suffit).
cli-help-serve = Faire tourner le nœud employeur sans fenêtre : il accepte candidats et évaluateurs jusqu’à son arrêt.
cli-help-serve-bind = Adresse d’écoute (par défaut 0.0.0.0:47100 ; par ex. 127.0.0.1:0 pour les tests).
cli-help-serve-replicate-every = Sur un hub (rejoint avec un ticket `pvhub1`) : secondes entre deux réplications avec les autres nœuds côté employeur.
cli-help-relay = Faire tourner votre propre relais (un serveur relais iroh) : les nœuds qui ne peuvent pas se joindre directement s’y retrouvent. Chaque nœud utilise alors `--relay URL` ; les tickets la transmettent.
cli-help-relay-cert = Une chaîne de certificats TLS (PEM) pour le nom d’hôte du relais ; avec --key.
cli-help-relay-key = La clé privée du certificat (PEM).
cli-help-relay-acme-hostname = Obtenir un certificat de Let's Encrypt pour ce nom d’hôte public (les ports 80 et 443 doivent atteindre cette machine) ; répétable.
cli-help-relay-acme-contact = L’adresse e-mail à laquelle Let's Encrypt peut écrire au sujet du certificat.
cli-help-relay-acme-staging = Utiliser le service de test de Let's Encrypt (pour essayer).
cli-help-relay-http-bind = Adresse HTTP simple (par défaut 0.0.0.0:3340 sans TLS, 0.0.0.0:80 avec TLS).
cli-help-relay-https-bind = Adresse HTTPS, avec TLS (par défaut 0.0.0.0:443).
cli-help-relay-quic-bind = Découverte d’adresse QUIC, avec TLS (par défaut 0.0.0.0:7842).
cli-help-invite = Inviter un candidat à une campagne : affiche le ticket à lui envoyer.
cli-help-invite-campaign = L’identifiant de la campagne (un début unique suffit).
cli-help-invite-name = Le nom du candidat, tel que les évaluateurs le verront.
cli-help-invite-email = L’adresse e-mail du candidat, pour vos dossiers.
cli-help-reviewer = Invitations d’évaluateurs.
cli-help-reviewer-invite = Inviter un collègue à évaluer une campagne : affiche son ticket.
cli-help-reviewer-invite-campaign = L’identifiant de la campagne (un début unique suffit).
cli-help-reviewer-invite-name = Le nom de l’évaluateur.
cli-help-hub = D’autres nœuds côté employeur (un ordinateur du bureau, le portable d’un collègue) qui gardent une copie complète et acceptent les candidats quand celui-ci est éteint.
cli-help-hub-invite = Inviter un autre nœud côté employeur : affiche le ticket pour le rejoindre (`peerview join`), après quoi `peerview serve` sur place garde les deux nœuds synchronisés.
cli-help-hub-invite-campaign = L’identifiant de la campagne (un début unique suffit).
cli-help-hub-invite-name = Un nom pour le nœud, par ex. « Bureau ».
cli-help-revoke = Retirer l’invitation d’un candidat, d’un évaluateur ou d’un hub : son ordinateur est refusé à partir de ce moment.
cli-help-revoke-campaign = L’identifiant de la campagne (un début unique suffit).
cli-help-revoke-invitee = L’identifiant du candidat, de l’évaluateur ou du hub (voir `campaign show`).
cli-help-delete = Supprimer partout la candidature d’un candidat (côté employeur) : ici immédiatement, sur les hubs et chez les évaluateurs à leur prochaine synchronisation. Documents, évaluations, enregistrements, nom et e-mail disparaissent ; seuls les identifiants restent, pour qu’aucune copie hors ligne ne revienne.
cli-help-delete-candidate = L’identifiant du candidat (ou un début unique), son nom ou son e-mail.
cli-help-delete-campaign = La campagne (identifiant ou début), si le candidat est dans plusieurs.
cli-help-withdraw = Se retirer d’une campagne (candidat) : demande au côté employeur de supprimer votre candidature et vos enregistrements ; `peerview status` affiche l’accusé une fois que c’est fait.
cli-help-withdraw-campaign = L’identifiant de la campagne (un début unique suffit).
cli-help-withdraw-wait = Essayer de joindre l’employeur pendant ce nombre de secondes avant de laisser la suite à la prochaine synchronisation.
cli-help-audit = Le journal d’audit de cet ordinateur : suppressions, retraits et exports (identifiants et heures uniquement).
cli-help-message = Écrire à l’autre côté. Un candidat : `message CAMPAGNE "texte"` (avec --extension JOURS, ou --extra-time POURCENT / --extra-takes N, il en fait la demande). Le côté employeur : `message CANDIDAT "texte"` (identifiant, nom ou e-mail). Le message part à la prochaine synchronisation.
cli-help-message-target = La campagne (candidat) ou le candidat (côté employeur).
cli-help-message-text = Ce que vous voulez dire (pour une demande : pourquoi).
cli-help-message-extension = Candidat : demander autant de jours supplémentaires avant la date limite.
cli-help-message-extra-time = Candidat : demander autant de temps en plus pour réfléchir et répondre, en pourcentage.
cli-help-message-extra-takes = Candidat : demander autant de prises supplémentaires par question.
cli-help-message-wait = Essayer de joindre l’employeur pendant ce nombre de secondes (candidat, évaluateur).
cli-help-grant = Accorder la demande d’un candidat (côté employeur) : ce qui a été demandé s’ajoute à ses aménagements et il en est informé.
cli-help-grant-candidate = L’identifiant du candidat (ou un début unique), son nom ou son e-mail.
cli-help-grant-request = L’identifiant de la demande (voir `peerview status`) ; nécessaire seulement si plusieurs sont ouvertes.
cli-help-grant-days = Accorder ce nombre de jours au lieu de ce qui a été demandé (une demande de prolongation).
cli-help-grant-extra-time = Accorder plutôt ce temps supplémentaire, en pourcentage (une demande d’aménagement).
cli-help-grant-extra-takes = Accorder plutôt ce nombre de prises supplémentaires (une demande d’aménagement).
cli-help-grant-note = Un mot pour accompagner la réponse.
cli-help-decline = Refuser la demande d’un candidat (côté employeur), avec le motif qu’il lira.
cli-help-decline-candidate = L’identifiant du candidat (ou un début unique), son nom ou son e-mail.
cli-help-decline-request = L’identifiant de la demande (voir `peerview status`) ; nécessaire seulement si plusieurs sont ouvertes.
cli-help-decline-reason = Pourquoi la demande est refusée ; le candidat le lit.
cli-help-join = Rejoindre avec un ticket d’invitation (candidat, évaluateur ou hub) : récupère la campagne.
cli-help-join-ticket = Le ticket, tel que reçu.
cli-help-answer = Garder une réponse (candidat) : un fichier d’enregistrement pour les questions vidéo ou audio, ou du texte.
cli-help-answer-campaign = L’identifiant de la campagne (un début unique suffit).
cli-help-answer-question = L’identifiant de la question (affiché par `join`).
cli-help-answer-file = Une prise enregistrée (MP4).
cli-help-answer-text = Une réponse écrite.
cli-help-answer-record = Enregistrer la prise maintenant (sans fenêtre : mire et tonalité, sauf indication contraire).
cli-help-answer-video = Avec --record : test-pattern, camera[:INDEX] ou none.
cli-help-answer-audio = Avec --record : tone, wav:FICHIER, mic[:NOM] ou none.
cli-help-answer-seconds = Avec --record : secondes à enregistrer (au plus la limite de la question ; par défaut la limite).
cli-help-submit = Envoyer vos réponses (candidat) à l’employeur.
cli-help-submit-campaign = L’identifiant de la campagne (un début unique suffit).
cli-help-submit-wait = Essayer de joindre l’employeur pendant ce nombre de secondes avant d’abandonner pour le moment.
cli-help-status = L’état des candidatures sur cet ordinateur.
cli-help-sync = Synchroniser une fois avec chaque employeur rejoint par cet ordinateur ; s’arrête ensuite.
cli-help-sync-wait = Continuer d’essayer les employeurs injoignables pendant ce nombre de secondes.
cli-help-sync-watch = Continuer de tourner : synchroniser toutes les 10 s (en espaçant tant que l’employeur est injoignable).
cli-help-record = Enregistrer une prise sans fenêtre (scripts, tests) : MP4 fragmenté, H.264 + Opus.
cli-help-record-video = test-pattern, camera[:INDEX] ou none.
cli-help-record-audio = tone, wav:FICHIER, mic[:NOM] ou none.
cli-help-record-size = Taille de l’image, par ex. 1280x720.
cli-help-record-fps = Images par seconde.
cli-help-record-seconds = Durée de la prise, en secondes.
cli-help-record-out = Le fichier MP4 à écrire.
cli-help-devices = Lister les caméras et micros avec lesquels une prise peut être enregistrée.
cli-help-play = Lire un enregistrement (MP4) sur les haut-parleurs, depuis la ligne de commande.
cli-help-play-file = L’enregistrement à lire (MP4).
cli-help-play-speed = Vitesse de lecture : 1, 1,5 ou 2 (la voix garde sa hauteur).
cli-help-play-from = Commencer à ce nombre de secondes.
cli-help-play-device = Un périphérique de sortie, par son nom (par défaut : celui du système).
cli-help-export = Exporter une candidature pour quelqu’un qui n’a pas Peerview : chaque réponse en MP4 standard, plus summary.json et summary.md.
cli-help-export-submission = Un identifiant de candidat (ou un début unique), le nom d’un candidat ou (pour les candidats) un identifiant de campagne.
cli-help-export-dir = Le dossier où écrire (créé au besoin).
cli-help-review = Évaluer une candidature (employeur, ou évaluateur ayant rejoint) : noter, commenter, décider ; affiche l’évaluation de chaque évaluateur. Les modifications d’un évaluateur partent avec le prochain `peerview sync`.
cli-help-review-submission = Un identifiant de candidat (ou un début unique) ou le nom d’un candidat.
cli-help-review-scores = Une note, CRITÈRE=1..5 (répétable).
cli-help-review-submit-scores = Remettre votre grille d’évaluation (vous voyez alors les notes des autres évaluateurs).
cli-help-review-comment = Un commentaire sur une réponse.
cli-help-review-question = La question concernée par le commentaire (par défaut : la première).
cli-help-review-at = Le moment de la réponse concerné par le commentaire, en secondes.
cli-help-review-decide = Décider : advance, hold ou reject (le candidat le voit).
cli-help-review-message = Un message au candidat avec la décision.
cli-help-export-recording = Copier un enregistrement (par son empreinte BLAKE3) du stockage de cet ordinateur vers un fichier.
cli-help-export-recording-hash = L’empreinte de l’enregistrement, telle qu’indiquée dans la candidature.
cli-help-export-recording-out = Le fichier à écrire.
cli-help-flag-help = Afficher l’aide
cli-help-flag-help-more = Afficher l’aide (davantage avec '--help')
cli-help-flag-help-summary = Afficher l’aide (un résumé avec '-h')
cli-help-flag-version = Afficher la version
cli-help-subcommand-help = Afficher ce message ou l’aide de la commande indiquée
cli-help-subcommand-help-args = Afficher l’aide de cette commande

## Arguments vérifiés avant qu’une commande ne s’exécute.

cli-size-syntax = { $value } : indiquez LARGEURxHAUTEUR, par ex. 1280x720
cli-size-bad-width = La largeur dans { $value } n’est pas un nombre.
cli-size-bad-height = La hauteur dans { $value } n’est pas un nombre.
cli-size-range = { $value } : la largeur et la hauteur doivent être paires, de 16x16 à 3840x2160.
cli-video-choice = « { $value } » : indiquez test-pattern, camera, camera:INDEX ou none.
cli-audio-choice = « { $value } » : indiquez tone, wav:FICHIER, mic, mic:NOM ou none.

## Chaque commande : le résultat, le dossier de données, les fichiers.

cli-error = erreur : { $error }
cli-not-sent = non envoyé : { $error }
cli-warning = avertissement : { $warning }
cli-data-dir-error = le dossier de données { $dir } : { $error }
cli-no-data-dir = impossible de savoir où garder les données de Peerview : { $variable } n’est pas défini ; indiquez --data-dir DOSSIER
cli-store-problem-moved = avertissement : { $file } est endommagé ({ $reason }) ; il a été déplacé vers { $moved_to } et le reste du stockage est utilisable
cli-store-problem-kept = avertissement : { $file } est endommagé ({ $reason }) ; il n’a pas pu être mis de côté
cli-reading-file = lecture de { $file }
cli-writing-file = écriture de { $file }
cli-saving-file = enregistrement de { $file }
cli-opening-file = ouverture de { $file }
cli-wrote = { $file } écrit
cli-wrote-bytes = { $file } écrit ({ $bytes ->
    [one] { $bytes } octet
   *[other] { $bytes } octets
}).
cli-settings-damaged = { $file } est endommagé ; corrigez-le ou supprimez-le
cli-settings-writing = écriture des réglages
cli-starting-runtime = démarrage de l’environnement d’exécution asynchrone

## peerview campaign create|list|show|export, et le fichier de campagne.

cli-saving-campaign = enregistrement de la campagne
cli-campaign-created = Campagne « { $title } » créée avec { $questions ->
    [one] { $questions } question
   *[other] { $questions } questions
}, date limite { $deadline }.
cli-campaign-list-empty = Aucune campagne pour l’instant. Créez-en une avec : peerview campaign create --file campaign.toml
cli-campaign-list-id = ID
cli-campaign-list-title = TITRE
cli-campaign-list-questions = QUESTIONS
cli-campaign-list-candidates = CANDIDATS
cli-campaign-list-deadline = DATE LIMITE
cli-campaign-unreadable = (illisible : { $error })
cli-campaign-show-heading = Campagne { $id } : { $title }
cli-campaign-show-role = Poste
cli-campaign-show-deadline = Date limite
cli-campaign-show-created = Créée le
cli-campaign-show-scorecard = Grille d’évaluation
cli-campaign-show-instructions = Consignes :
cli-campaign-show-practice = Question d’entraînement (ne compte jamais) : { $rules }
cli-campaign-show-questions = Questions :
cli-campaign-show-your-submission = Votre candidature : { $state } ({ $answered } sur { $questions } répondues)
cli-campaign-show-candidates = Candidats ({ $count }) :
cli-campaign-show-none-invited = personne n’est encore invité
cli-campaign-show-unreadable = illisible ({ $error })
cli-campaign-show-candidate = { $id }  { $who } : { $state }
cli-campaign-show-candidate-invite = { $id }  { $who } : { $state }, invitation { $invite }
cli-campaign-show-reviewers = Évaluateurs ({ $count }) :
cli-campaign-show-hubs = Nœuds côté employeur ({ $count }) :
cli-campaign-show-hub-at = { $state }, à { $addresses }
cli-campaign-exported-from = Campagne Peerview, exportée depuis la campagne { $id }
cli-campaign-file-syntax = { $file } : { $error }
cli-campaign-file-field = { $file }:{ $line } : champ `{ $field }` : { $problem }
cli-campaign-file-empty = ne doit pas être vide
cli-campaign-file-no-questions = { $file } : une campagne a besoin d’au moins une [[question]]
cli-campaign-file-criteria = indiquez au moins un critère, aucun vide
cli-campaign-file-retention = entre 1 et { $max } jours (omettez-le pour garder les candidatures jusqu’à leur suppression)
cli-campaign-file-language = « { $language } » n’est pas une langue que Peerview parle ; l’une de { $known }
cli-campaign-file-time-zone = « { $zone } » n’est pas un fuseau horaire connu de cet ordinateur ; un nom IANA comme "Europe/Paris"
cli-campaign-file-practice-reserved = { $file } : `{ $field }.id` : "practice" est réservé à la question d’entraînement [practice]
cli-campaign-file-duplicate-id = { $file } : `{ $field }.id` : l’identifiant « { $id } » est utilisé deux fois
cli-campaign-file-practice-id = { $file } : `practice.id` : omettez-le (l’identifiant de la question d’entraînement est toujours "practice")
cli-campaign-file-answer-limit = { $limit } est hors limites : les réponses enregistrées durent de 5 à { $max } secondes (réponses écrites : 0 pour aucune limite)
cli-campaign-file-think = au plus { $max } secondes
cli-campaign-file-takes = { $takes } est hors limites : de 1 à { $max }
cli-campaign-file-date-and-time = { $value } doit avoir une date et une heure, par ex. 2026-12-15T17:00:00Z
cli-campaign-file-deadline-zone = { $value } doit avoir un fuseau horaire, par ex. { $value }Z pour UTC ou { $value }+01:00

## serve, relay, invite, revoke.

cli-serve-node = Nœud employeur Peerview { $id }
cli-serve-listening = écoute sur { $address }
cli-serve-relay = joignable par le relais { $relay }
cli-serve-lan = annoncé sur le réseau local (mDNS), pour que les candidats de ce réseau le trouvent par son identifiant
cli-serve-ready = Prêt. Invitez des candidats avec : peerview invite CAMPAGNE --name NOM
cli-relay-running = Relais Peerview en marche
cli-relay-listening = { $what } sur { $address }
cli-relay-plain = HTTP simple, sans TLS : pour un réseau local ou un test. Les nœuds utilisent : --relay http://CETTE-MACHINE:{ $port }
cli-relay-plain-internet = Pour Internet, donnez-lui un certificat (--cert/--key) ou un nom d’hôte (--acme-hostname).
cli-relay-files = Les nœuds utilisent : --relay https://NOM-D-HOTE-DU-CERTIFICAT
cli-relay-acme = Les nœuds utilisent : --relay https://{ $hostname }
cli-invite-no-node = ce dossier de données n’a jamais fait tourner le nœud employeur, un ticket ne peut donc pas indiquer où se connecter : lancez d’abord `peerview serve`
cli-invited = Invitation créée pour { $name }. Envoyez-lui ce ticket ; il fonctionne une fois, sur un seul ordinateur.{ $nodes ->
    [one] {""}
   *[other] { " " }Il indique { $nodes } nœuds côté employeur ; n’importe lequel de joignable convient.
}
cli-invite-link = Sous forme de lien qui ouvre Peerview sur l’invitation : { $link }
cli-invite-reviewer = Ticket d’évaluateur pour { $name } (fonctionne une fois, sur un seul ordinateur).{ $nodes ->
    [one] {""}
   *[other] { " " }Il indique { $nodes } nœuds côté employeur ; n’importe lequel de joignable convient.
}
cli-invite-hub = Ticket pour le nœud côté employeur { $name } (fonctionne une fois, sur un seul ordinateur, dans les 24 heures). Sur cet ordinateur, lancez
      peerview join TICKET
    puis `peerview serve` sur place garde les deux nœuds synchronisés :
cli-revoked = L’invitation de { $name } est retirée : son ordinateur est refusé à partir de maintenant.

## join, answer, submit, sync, status.

cli-join-bad-ticket = Ce ticket ne peut pas être utilisé : { $reason }
cli-join-hub = Cet ordinateur est désormais un nœud côté employeur de { $title } : { $documents ->
    [one] { $documents } document copié
   *[other] { $documents } documents copiés
} et { $recordings ->
    [one] { $recordings } enregistrement copié
   *[other] { $recordings } enregistrements copiés
}.
cli-join-hub-serve = Lancez `peerview serve` ici pour accepter candidats et évaluateurs et garder les deux nœuds synchronisés ; les tickets émis ensuite indiquent aussi ce nœud.
cli-joined = Rejoint : { $title } ({ $role })
cli-joined-deadline = Date limite : { $deadline }
cli-joined-practice = Entraînement (ne compte jamais) : { $rules }
cli-joined-questions = Questions :
cli-joined-answer-with = Répondez avec : peerview answer { $campaign } ID_QUESTION (--file PRISE.mp4 | --text "...")
cli-joined-reviewer = Rejoint comme évaluateur de { $title } : { $documents ->
    [one] { $documents } document synchronisé
   *[other] { $documents } documents synchronisés
}.
cli-recordings-downloaded = { $count ->
    [one] { $count } enregistrement téléchargé.
   *[other] { $count } enregistrements téléchargés.
}
cli-recordings-not-downloaded = Enregistrements pas encore téléchargés : { $error }
cli-not-joined = cet ordinateur n’a pas rejoint la campagne { $campaign } : utilisez d’abord `peerview join TICKET`
cli-several-campaigns = « { $campaign } » correspond à plusieurs campagnes ; tapez une plus grande partie de l’identifiant
cli-only-candidates-answer = seuls les candidats répondent aux questions
cli-only-candidates-submit = seuls les candidats envoient des réponses
cli-no-such-question = il n’y a pas de question { $question } dans cette campagne
cli-no-such-question-list = il n’y a pas de question { $question } dans cette campagne (questions : { $questions })
cli-answer-too-long = la question { $question } accepte des réponses d’au plus { $limit } s
cli-recording = Enregistrement de { $secs } s...
cli-answer-needs-text = la question { $question } attend une réponse écrite : utilisez --text "..."
cli-answer-needs-file = la question { $question } attend une réponse en { $kind } : utilisez --file PRISE.mp4
cli-answer-file-or-text = indiquez exactement l’un de --file ou --text
cli-answer-saved = Votre réponse à { $question } est enregistrée. Envoyez toutes vos réponses avec : peerview submit { $campaign }
cli-answer-refused = non gardée : { $reason }
cli-not-a-recording = { $file } n’est pas un enregistrement que Peerview sait lire : { $error }
cli-no-video-track = { $file } n’a pas de piste vidéo, et cette question attend une réponse vidéo
cli-recording-changed = l’enregistrement a changé pendant qu’il était stocké ; veuillez réessayer
cli-fragment-changed = le fragment { $index } a changé sur le disque
cli-submit-unanswered = répondez à toutes les questions avant d’envoyer ; encore sans réponse : { $questions }
cli-submit-deadline-passed = la date limite ({ $deadline }) est passée ; contactez l’employeur
cli-submitted-sending = Envoyé. Transmission à l’employeur...
cli-retrying = Nouvel essai dans { $secs } s...
cli-not-sent-try-again = { $reason }. Lancez `peerview sync` pour réessayer.
cli-sync-nothing = Rien à synchroniser : cet ordinateur n’a rejoint aucune campagne.
cli-sync-failures = { $failed ->
    [one] { $failed } campagne sur { $total } non synchronisée
   *[other] { $failed } campagnes sur { $total } non synchronisées
}
cli-status-not-joined = Cet ordinateur n’a encore rejoint aucune campagne (peerview join TICKET).
cli-status-last-reached = employeur joint pour la dernière fois le { $date }, { $path }
cli-status-not-synced = { $title } : pas encore synchronisée
cli-status-not-started = pas commencée
cli-status-in-progress = en cours, { $answers ->
    [one] { $answers } réponse gardée
   *[other] { $answers } réponses gardées
} ici
cli-status-in-progress-sending = en cours, { $answers ->
    [one] { $answers } réponse gardée
   *[other] { $answers } réponses gardées
} ici ({ $percent } % des enregistrements déjà envoyés)
cli-status-submitted-all-sent = envoyée, tout est transmis ; en attente de l’accusé de réception de l’employeur
cli-status-submitted-waiting = envoyée, { $size } d’enregistrements en attente d’envoi (ils partent quand l’employeur est joignable)
cli-status-submitted-uploading = envoyée, transfert à { $percent } % ({ $sent } sur { $total } envoyés)
cli-status-submitted = envoyée, en attente de réception par l’employeur
cli-status-received = reçue par l’employeur
cli-status-viewed = vue par l’employeur
cli-status-decided = décision : { $verdict }
cli-status-withdrawn = retirée ; la demande de suppression part vers l’employeur à la prochaine synchronisation
cli-status-deleted = supprimée par le côté employeur
cli-status-reviewer = { $title } : évaluateur
cli-status-hub = { $title } : nœud côté employeur (copie)
cli-status-messages = messages :
cli-status-open-requests = demandes ouvertes : { $count }
cli-status-conversation = { $campaign } : { $name } ({ $id }) : { $messages ->
    [one] { $messages } message
   *[other] { $messages } messages
}, { $unread ->
    [one] { $unread } non lu
   *[other] { $unread } non lus
}, { $open ->
    [one] { $open } demande ouverte
   *[other] { $open } demandes ouvertes
}

## message, grant, decline, delete, withdraw, audit.

cli-message-kept-sending = Message gardé sur cet ordinateur ; envoi à l’employeur...
cli-message-only-candidates-ask = seul un candidat demande plus de temps ou un aménagement (« { $target } » est-elle une campagne que vous avez rejointe ?)
cli-message-kept = Message à { $name } gardé ; il lui parvient à sa prochaine synchronisation.
cli-request-granted = La demande de { $name } ({ $what }) est accordée ; la personne en est informée à sa prochaine synchronisation.
cli-request-declined = La demande de { $name } ({ $what }) est refusée ; la personne en est informée à sa prochaine synchronisation.
cli-delete-already = La candidature de { $id } était déjà supprimée ({ $date }).
cli-delete-done = Candidature de { $name } ({ $id }) supprimée : documents, évaluations, nom et e-mail ont disparu de cet ordinateur.
cli-delete-recordings-removed = { $count ->
    [one] { $count } enregistrement retiré du stockage des enregistrements.
   *[other] { $count } enregistrements retirés du stockage des enregistrements.
}
cli-delete-recordings-later = Les enregistrements partiront au prochain démarrage du nœud en marche (il n’a pas répondu).
cli-delete-copies = Les hubs et les évaluateurs suppriment leurs copies à leur prochaine synchronisation ; seuls les identifiants restent, pour qu’aucune copie ne revienne.
cli-withdrawn = Retrait effectué. L’employeur est prié de supprimer votre candidature et vos enregistrements...
cli-audit-empty = Rien dans le journal d’audit : aucune suppression, aucun retrait ni export sur cet ordinateur.
cli-audit-delete = suppression
cli-audit-purge = purge
cli-audit-withdrawal = retrait
cli-audit-export = export
cli-audit-line = campagne { $campaign }  candidat { $candidate }  par { $by }
cli-audit-unreadable = { $count ->
    [one] { $count } ligne du journal d’audit n’a pas pu être lue.
   *[other] { $count } lignes du journal d’audit n’ont pas pu être lues.
}

## review, export, play, record, devices.

cli-review-score-syntax = --score « { $value } » : écrivez-le sous la forme CRITÈRE=NOTE, par ex. Communication=4
cli-review-no-criterion = « { $criterion } » n’est pas un critère de cette campagne ({ $criteria })
cli-review-score-number = --score « { $value } » : la note est un nombre de 1 à 5
cli-review-no-questions = la campagne n’a pas de questions
cli-review-decide-syntax = --decide « { $value } » : utilisez advance, hold ou reject
cli-review-recommended = Recommandation : { $verdict }. L’employeur transmet la décision au candidat.
cli-review-employer = Employeur
cli-review-score = { $criterion } : { $score }/5
cli-review-scores-hidden = notes masquées jusqu’à ce que vous remettiez les vôtres (--submit-scores)
cli-review-decision = décision : { $verdict }
cli-review-decision-note = décision : { $verdict } ({ $note })
cli-submission-ambiguous-id = « { $query } » correspond à { $count } candidatures ; donnez une plus grande partie de l’identifiant
cli-submission-ambiguous-name = { $count } candidatures viennent de candidats nommés « { $query } » ; utilisez l’identifiant du candidat
cli-no-submission = aucune candidature ne correspond à « { $query } » (utilisez un identifiant de candidat de `peerview campaign show`, le nom d’un candidat ou un identifiant de campagne)
cli-reading-submission = lecture de la candidature
cli-reading-campaign = lecture de la campagne
cli-export-converting = conversion de la réponse à { $question }
cli-export-missing = { $count ->
    [one] { $count } enregistrement n’est
   *[other] { $count } enregistrements ne sont
} pas encore sur cet ordinateur ({ $questions }) ; lancez `peerview sync` et exportez à nouveau
cli-export-md-role = Poste : { $role }
cli-export-md-state = État : { $state }
cli-export-md-submitted = Envoyée : { $at }
cli-export-md-deadline = Date limite : { $deadline }
cli-export-md-no-answer = Pas de réponse.
cli-export-md-recording = [{ $file }]({ $file }) — { $secs } s, prise { $take }
cli-export-md-recording-missing = Enregistrement ({ $secs } s) pas encore sur cet ordinateur.
cli-export-md-timeline = Chronologie
cli-export-md-reviews = Évaluations
cli-export-md-reviewer = évaluateur
cli-export-md-score = { $criterion } : { $score }/5
cli-export-md-comment = { $question } à { $at } : { $text }
cli-export-md-decision = Décision : { $verdict }
cli-play-video = { $file } : { $secs } s, vidéo { $size }
cli-play-video-sound = { $file } : { $secs } s, vidéo { $size } avec son
cli-play-sound-only = { $file } : { $secs } s, son uniquement
cli-play-damaged = avertissement : { $problem } ; lecture de ce qui est lisible
cli-play-note = remarque : { $note }
cli-play-done = Lu jusqu’au bout ({ $secs } s) : { $shown ->
    [one] { $shown } image affichée
   *[other] { $shown } images affichées
}, { $dropped ->
    [one] { $dropped } abandonnée en retard
   *[other] { $dropped } abandonnées en retard
}.
cli-record-seconds-range = --seconds doit être compris entre 0,1 et 3600
cli-record-fragment = fragment { $index } écrit ({ $bytes ->
    [one] { $bytes } octet
   *[other] { $bytes } octets
})
cli-record-done = { $file } enregistré ({ $secs } s, { $bytes ->
    [one] { $bytes } octet
   *[other] { $bytes } octets
}, { $fragments ->
    [one] { $fragments } fragment
   *[other] { $fragments } fragments
}, BLAKE3 { $hash })
cli-devices-cameras = Caméras :
cli-devices-no-camera = aucune trouvée (les réponses audio fonctionnent quand même ; utilisez --video test-pattern pour essayer d’enregistrer)
cli-devices-microphones = Micros :
cli-devices-no-microphone = aucun trouvé : branchez-en un, ou vérifiez qu’aucun autre programme ne l’utilise
cli-devices-default = (par défaut)

## L’e-mail d’invitation (dans la langue de la campagne quand elle en a une).

cli-mail-subject = Entretien vidéo : { $title }
cli-mail-greeting = Bonjour { $name },
cli-mail-intro = Vous êtes invité·e à un entretien vidéo différé pour { $role } ({ $title }). Vous enregistrez vos réponses sur votre propre ordinateur, quand cela vous convient, jusqu’au { $deadline }. Vous pouvez vous préparer hors ligne ; les réponses sont envoyées lorsque vous les soumettez.
cli-mail-instructions-cut = { $instructions }... (la suite est dans Peerview)
cli-mail-get-peerview = Installez d’abord Peerview (gratuit, pour Windows et Linux) : votre contact chez l’employeur vous envoie le programme d’installation ou vous indique où le télécharger. Sous Windows, c’est peerview-windows-x64-setup.exe ; sous Debian ou Ubuntu, le paquet .deb peerview.
cli-mail-step-install = 1. { $get_peerview }
cli-mail-step-link = 2. Ouvrez votre lien d’invitation :
cli-mail-paste-ticket = Si le lien n’ouvre pas Peerview, ouvrez Peerview, choisissez « Ouvrir une invitation » et collez ce ticket :
cli-mail-one-computer = L’invitation est pour vous seul·e et fonctionne sur un seul ordinateur : le premier qui l’ouvre.
cli-mail-file-name = Invitation { $name }
cli-mail-file-someone = candidat

## Les opérations partagées par la ligne de commande et l’application (ops/).

ops-opening-data-dir = ouverture du dossier de données { $dir }
ops-creating-dir = création de { $dir }
ops-writing-file = écriture de { $file }
ops-verdict-advance = étape suivante
ops-verdict-hold = en attente
ops-verdict-reject = refus
ops-state-not-started = pas commencée
ops-state-in-progress = en cours
ops-state-submitted = envoyée
ops-state-received = reçue
ops-state-viewed = vue
ops-state-decided = décision : { $verdict }
ops-state-withdrawn = retirée
ops-state-deleted = supprimée
ops-invite-invited = invité
ops-invite-joined = a rejoint
ops-invite-revoked = retirée
ops-invite-deleted = supprimé
ops-deletion-by-employer = supprimée par l’employeur
ops-deletion-withdrawn = retirée à la demande du candidat
ops-deletion-retention = la durée de conservation a pris fin
ops-event-answered = réponse à { $question }
ops-event-submitted = envoyée
ops-event-received = reçue
ops-event-viewed = vue
ops-event-decision = décision : { $verdict }
ops-event-decision-message = décision : { $verdict } — { $message }
ops-event-withdrawal-requested = retrait, avec demande de suppression de la candidature
ops-event-deleted = accusé de suppression : le côté employeur a supprimé la candidature et ses enregistrements ({ $reason })
ops-deleted-on = le côté employeur a supprimé cette candidature et ses enregistrements ({ $reason }) le { $date }
ops-client-unreachable = impossible de joindre l’employeur ({ $detail }) ; tout est gardé sur cet ordinateur et sera envoyé quand l’employeur sera joignable
ops-client-refused = l’employeur a refusé : { $reason }
ops-client-wire = échange avec l’employeur : { $error }
ops-client-interrupted = le transfert a été interrompu ({ $detail }) ; il reprendra là où il s’est arrêté la prochaine fois
ops-client-busy = l’employeur est occupé par de nombreuses connexions ; veuillez réessayer dans un instant
ops-ticket-not-a-ticket = ce n’est pas un ticket d’invitation Peerview (il devrait commencer par "pvinvite1", "pvreview1" ou "pvhub1", ou être un lien "peerview:join/...")
ops-ticket-bad-characters = le ticket contient des caractères qui ne peuvent pas en faire partie ; copiez-le à nouveau, en entier
ops-ticket-damaged = le ticket est endommagé ou incomplet (sa somme de contrôle ne correspond pas) ; copiez-le à nouveau, en entier
ops-ticket-unsupported = le ticket vient d’une version plus récente de Peerview ; mettez Peerview à jour pour l’utiliser
ops-exchanged-candidate = { $documents ->
    [one] { $documents } document synchronisé
   *[other] { $documents } documents synchronisés
} ({ $changed ->
    [one] { $changed } modifié
   *[other] { $changed } modifiés
})
ops-exchanged-candidate-offered = { $documents ->
    [one] { $documents } document synchronisé
   *[other] { $documents } documents synchronisés
} ({ $changed ->
    [one] { $changed } modifié
   *[other] { $changed } modifiés
}) ; enregistrements proposés
ops-exchanged-reviewer = { $documents ->
    [one] { $documents } document synchronisé
   *[other] { $documents } documents synchronisés
} ({ $changed ->
    [one] { $changed } modifié
   *[other] { $changed } modifiés
}), { $recordings ->
    [one] { $recordings } enregistrement téléchargé
   *[other] { $recordings } enregistrements téléchargés
}
ops-exchanged-hub = répliqué ({ $changed ->
    [one] { $changed } document modifié
   *[other] { $changed } documents modifiés
}, { $recordings ->
    [one] { $recordings } enregistrement copié
   *[other] { $recordings } enregistrements copiés
})
ops-which-candidate = indiquez quel candidat : son identifiant (voir `peerview campaign show`), son nom ou son e-mail
ops-no-such-candidate = aucun candidat « { $who } » ici (essayez son identifiant de `peerview campaign show`)
ops-several-candidates = « { $who } » correspond à plusieurs candidats ({ $ids }) ; utilisez l’identifiant
ops-campaign-not-here = la campagne { $campaign } n’est pas sur cet ordinateur
ops-only-employer-deletes = seul le côté employeur (le nœud de l’employeur ou un hub) supprime des candidatures ; en tant qu’évaluateur, adressez-vous à l’employeur
ops-only-candidate-withdraws = seul un candidat se retire (ceci est l’invitation d’un évaluateur ou d’un nœud côté employeur)
ops-withdraw-sync-first = { $error } (synchronisez une fois avant de vous retirer)
ops-already-deleted = le côté employeur a déjà supprimé cette candidature
ops-request-extension = { $days ->
    [one] { $days } jour de plus
   *[other] { $days } jours de plus
} avant la date limite
ops-request-takes = { $takes ->
    [one] { $takes } prise de plus
   *[other] { $takes } prises de plus
} par question
ops-request-time = { $percent } % de temps en plus pour réfléchir et répondre
ops-request-time-and-takes = { $percent } % de temps en plus et { $takes ->
    [one] { $takes } prise de plus
   *[other] { $takes } prises de plus
} par question
ops-the-request = la demande
ops-not-a-candidate = cet ordinateur n’est pas candidat à cette campagne
ops-message-submission-deleted = le côté employeur a supprimé cette candidature ; il n’y a plus personne à qui écrire
ops-message-not-sent = non envoyé : { $reason }
ops-keeping-message = enregistrement de votre message
ops-reviewers-may-not-write = les évaluateurs de cette campagne lisent la conversation ; l’employeur décide s’ils peuvent écrire
ops-employer-answers-requests = c’est l’employeur qui répond aux demandes
ops-no-open-request = aucune demande ouverte { $id }
ops-no-open-requests = il n’y a aucune demande ouverte
ops-several-open-requests = plusieurs demandes ouvertes ; indiquez laquelle (leurs identifiants sont dans `peerview status`)
ops-decline-needs-reason = indiquez pourquoi la demande est refusée : le candidat le lira
ops-not-a-request = ce n’est pas une demande
ops-grant-same-kind = la demande porte sur { $asked } ; accordez ce type-là
ops-granted-note = Accordé : { $what }
ops-granted-note-with = Accordé : { $what }. { $note }
ops-message-too-long = un message fait au plus { $max } caractères (celui-ci en a { $chars })
ops-message-empty = le message est vide
ops-message-extension-range = une prolongation va de 1 à { $max } jours
ops-message-accommodation-range = un aménagement va jusqu’à { $percent } % de temps en plus et { $takes } prises de plus
ops-message-all-sent = vous avez envoyé les { $max } messages qu’une candidature permet
ops-message-day-budget = vous avez envoyé { $max } messages au cours des dernières 24 heures ; veuillez attendre une réponse
ops-message-malformed = le message ne peut pas être envoyé : { $reason }
ops-thread-line = { $at }  { $who } : { $text }
ops-thread-candidate = candidat
ops-thread-employer = l’employeur
ops-thread-request-open = DEMANDE { $what } [{ $id }] : { $reason } (ouverte)
ops-thread-request-granted = DEMANDE { $what } [{ $id }] : { $reason } (accordée)
ops-thread-request-declined = DEMANDE { $what } [{ $id }] : { $reason } (refusée)
ops-thread-granted = ACCORDÉ : { $what }
ops-thread-granted-note = ACCORDÉ : { $what } — { $note }
ops-thread-declined = REFUSÉ : { $what }
ops-thread-declined-note = REFUSÉ : { $what } — { $note }
ops-node-address-not-saved = impossible d’enregistrer l’adresse du nœud pour les invitations : { $error }
ops-node-shutting-down = arrêt : { $error }
ops-recordings-no-hash = le nœud en marche a stocké l’enregistrement mais n’a pas donné son empreinte
ops-local-another-peerview = un autre Peerview répond sur { $path }
ops-local-removing-stale = suppression de l’ancien { $path }
ops-local-listening = écoute sur { $path } (le chemin d’une socket Unix est limité à environ 100 octets)
ops-local-making-private = rendre { $path } privé
ops-local-listening-pipe = écoute sur le tube nommé { $path }
ops-local-request-too-long = une requête fait au plus { $max } octets
ops-local-not-a-request = requête incomprise par ce nœud : { $error }
ops-local-not-an-app = le Peerview qui tourne sur ce dossier de données n’affiche pas les écrans du candidat (c’est `peerview serve`, ou l’application en tant qu’employeur ou évaluateur) ; collez-y l’invitation, ou arrêtez-le et rouvrez le lien
ops-local-export-not-absolute = la cible de l’export doit être un chemin absolu
ops-local-add-not-absolute = le chemin de l’enregistrement doit être absolu
ops-local-storing = stockage de { $path } : { $error }
ops-local-asking = interrogation du nœud en marche
ops-local-no-answer = le nœud en marche n’a pas répondu dans { $minutes ->
    [one] la minute
   *[other] les { $minutes } minutes
}
ops-local-reading-answer = lecture de la réponse du nœud en marche
ops-local-closed = le nœud en marche a fermé la connexion sans répondre
ops-local-not-understood = la réponse du nœud en marche est incompréhensible : { $error }
ops-local-handing-over = transmission de l’invitation au Peerview ouvert
ops-local-reading-app-answer = lecture de la réponse du Peerview ouvert
ops-local-app-closed = le Peerview ouvert a fermé la connexion sans répondre
ops-local-app-not-understood = la réponse du Peerview ouvert est incompréhensible : { $error }
ops-relay-stopping = arrêt du relais : { $error }
ops-relay-stopped = le relais s’est arrêté : { $error }
ops-relay-tls-versions = versions du protocole TLS
ops-relay-reading-cert = lecture du certificat { $file }
ops-relay-not-pem = { $file } n’est pas une chaîne de certificats PEM
ops-relay-no-cert = { $file } ne contient aucun certificat
ops-relay-reading-key = lecture de la clé privée { $file } (PEM)
ops-relay-key-mismatch = le certificat et la clé ne correspondent pas
ops-relay-acme-needs-hostname = Let's Encrypt a besoin du nom d’hôte public du relais
ops-relay-starting = démarrage du relais : { $error }
ops-relay-http = http
ops-relay-http-captive = http (vérification de portail captif)
ops-relay-https = https
ops-relay-quic = découverte d’adresse QUIC
ops-take-recovered = Prise interrompue récupérée : { $file } ({ $bytes ->
    [one] { $bytes } octet gardé
   *[other] { $bytes } octets gardés
}, lisible)
ops-take-nothing-playable = une prise interrompue dans { $dir } n’avait encore rien de lisible
ops-take-not-repaired = impossible de réparer la prise interrompue dans { $dir } : { $error }
