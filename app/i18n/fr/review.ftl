# Les écrans de l’employeur et des évaluateurs (app/src/gui/review).
# $verdict vaut toujours advance, hold ou reject ; $state vaut invited, joined ou revoked.

## Le cadre : barre d’état, notifications, liste des campagnes, onglets.
rev-node-employer = Nœud employeur { $id } : { $reachability } – { $peers ->
    [one] { $peers } pair connecté
   *[other] { $peers } pairs connectés
} – { $transfers ->
    [one] { $transfers } transfert
   *[other] { $transfers } transferts
}
rev-node-reviewer = Nœud évaluateur { $id } : { $reachability } – { $peers ->
    [one] { $peers } pair connecté
   *[other] { $peers } pairs connectés
} – { $transfers ->
    [one] { $transfers } transfert
   *[other] { $transfers } transferts
}
rev-node-starting = démarrage
rev-reach-offline = hors ligne
rev-reach-direct = direct ({ $addresses })
rev-reach-direct-and-relay = direct ({ $addresses }) et via le relais { $relay }
rev-reach-employer = connecté à l’employeur
rev-reach-employer-via = connecté à l’employeur, { $path }
rev-node-failed = { $error }. La lecture fonctionne ; la réception et l’envoi, non.
rev-toast-new-submission = Nouvelle candidature de { $name }
rev-toast-new-message = Nouveau message de { $name }
rev-campaigns = Campagnes
rev-new-campaign = Nouvelle campagne
rev-campaign-counts = { $candidates ->
    [one] { $candidates } candidat
   *[other] { $candidates } candidats
}, { $submitted ->
    [one] { $submitted } a envoyé ses réponses
   *[other] { $submitted } ont envoyé leurs réponses
}
rev-no-campaign = Aucune campagne pour l’instant. Créez-en une avec « Nouvelle campagne ».
rev-tab-candidates = Candidats
rev-tab-invites = Invitations
rev-tab-campaign = Campagne

## Rejoindre en tant qu’évaluateur.
rev-join-heading = Rejoindre en tant qu’évaluateur·rice
rev-join-explain = Collez le ticket d’évaluateur que l’employeur vous a envoyé (il commence par « pvreview1 »).
rev-join-ticket = Ticket d’évaluateur
rev-join = Rejoindre
rev-joined = C’est fait : les candidatures de la campagne arrivent
rev-error-not-reviewer-ticket = ce n’est pas un ticket d’évaluateur

## La boîte de réception.
rev-filter = Filtrer
rev-sort-by = Trier par
rev-sort-name = nom
rev-sort-status = état
rev-sort-submitted = date d’envoi
rev-no-candidates = Aucun candidat pour l’instant. Invitez-en dans l’onglet Invitations.
rev-new-messages = { $count ->
    [one] { $count } nouveau message
   *[other] { $count } nouveaux messages
}
rev-open-requests = { $count ->
    [one] { $count } demande en attente
   *[other] { $count } demandes en attente
}
rev-average-of-five = { $mean } / 5
rev-review-candidate = Évaluer { $name }
rev-state-invited = invité
rev-state-joined = inscrit
rev-state-revoked = révoqué
rev-state-deleted = supprimé
rev-status-decided = { $verdict ->
    [advance] décision : retenu
    [hold] décision : en attente
   *[reject] décision : non retenu
}
rev-status-receiving = réception { $percent } %
rev-status-viewed = consulté
rev-status-complete = complet
rev-status-in-progress = en cours ({ $answered } sur { $questions })

## Invitations.
rev-invite-candidate = Inviter un candidat
rev-invite-name = Nom
rev-invite-email = E-mail
rev-invite = Inviter
rev-invite-several = Inviter plusieurs personnes (CSV : nom, e-mail par ligne)
rev-invite-csv = Candidats au format CSV
rev-invite-all = Inviter tout le monde
rev-csv-empty = le CSV ne contient personne
rev-csv-no-name = ligne { $line } : le nom est vide
rev-csv-bad-email = ligne { $line } : « { $email } » n’est pas une adresse e-mail
rev-reviewer-name = Nom de l’évaluateur·rice
rev-invite-reviewer = Inviter un évaluateur
rev-new-tickets = Nouveaux tickets : envoyez chacun à la personne concernée
rev-ticket-of-reviewer = { $name } (évaluateur·rice)
rev-copy-ticket = Copier le ticket de { $name }
rev-ticket-copied = Ticket de { $name } copié
rev-copy-link = Copier le lien de { $name }
rev-link-copied = Lien de { $name } copié : il ouvre Peerview sur l’invitation
rev-email-invite = Envoyer l’invitation à { $name } par e-mail
rev-mail-draft-opens = Un brouillon pour { $name } s’ouvre dans votre messagerie
rev-mail-program-failed = Impossible d’ouvrir votre messagerie ({ $error }) ; utilisez « Copier le lien »
rev-drafts-folder = Dossier des brouillons d’e-mail
rev-save-drafts = Enregistrer les brouillons d’e-mail (.eml)
rev-drafts-default-folder = Invitations Peerview
rev-drafts-saved = { $count ->
    [one] { $count } brouillon d’e-mail enregistré dans { $dir } : ouvrez-le dans votre messagerie et envoyez-le
   *[other] { $count } brouillons d’e-mail enregistrés dans { $dir } : ouvrez chacun dans votre messagerie et envoyez-le
}
rev-error-creating = création de { $path }
rev-error-writing = écriture de { $path }
rev-qr-too-long = (trop long pour un code QR)
rev-qr-code = Code QR du ticket
rev-invited-candidates = Candidats invités
rev-days-later = { $days ->
    [one] { $days } jour plus tard
   *[other] { $days } jours plus tard
}
rev-more-time = { $percent } % de temps en plus
rev-extra-takes = { $takes ->
    [one] { $takes } prise supplémentaire
   *[other] { $takes } prises supplémentaires
}
rev-save-for = Enregistrer pour { $name }
rev-revoke = Révoquer { $name }
rev-delete = Supprimer { $name }
rev-delete-hint = Supprime la candidature, les évaluations, les enregistrements, le nom et l’e-mail ici, sur les hubs et sur les ordinateurs des évaluateurs
rev-delete-confirm = Supprimer partout, définitivement ?
rev-delete-yes = Oui, supprimer { $name }
rev-delete-keep = Conserver
rev-reviewers = Évaluateurs
rev-reviewer-state = { $state ->
    [joined] { $name } (inscrit·e)
    [revoked] { $name } (révoqué·e)
   *[invited] { $name } (invité·e)
}
rev-error-no-candidate = aucun candidat { $candidate } dans cette campagne
rev-error-node-not-started = le nœud employeur n’a pas démarré : un ticket ne peut donc pas indiquer où se connecter

## L’éditeur de campagne.
rev-title = Titre
rev-role = Poste
rev-instructions = Consignes
rev-language = Langue des candidats
rev-language-each = Celle de chaque candidat
rev-time-zone = Fuseau horaire
rev-time-zone-hint = p. ex. Europe/Paris
rev-time-zone-unknown = fuseau horaire inconnu de cet ordinateur
rev-deadline = Date limite ({ $zone })
rev-error-zone = le fuseau horaire « { $zone } » est inconnu de cet ordinateur ; utilisez un nom IANA comme Europe/Paris
rev-criteria = Critères d’évaluation
rev-retention = Conserver les candidatures (jours après la décision)
rev-retention-none = jusqu’à suppression
rev-retention-hint = Supprimées partout (cet ordinateur, les hubs, les évaluateurs) une fois le délai écoulé
rev-blind-review = Évaluation à l’aveugle : les évaluateurs voient des pseudonymes, pas les noms ni les e-mails
rev-reviewers-may-message = Les évaluateurs peuvent écrire aux candidats (ils peuvent toujours lire)
rev-practice = Question d’entraînement (jamais prise en compte)
rev-practice-default-prompt = Parlez-nous de votre endroit préféré.
rev-default-prompt = Présentez-vous.
rev-criterion-communication = Communication
rev-criterion-experience = Expérience pertinente
rev-criterion-motivation = Motivation
rev-practice-prompt = Énoncé de la question d’entraînement
rev-practice-answer = Type de réponse de la question d’entraînement
rev-questions = Questions
rev-question-number = { $n }.
rev-move-up = Monter la question { $n }
rev-move-down = Descendre la question { $n }
rev-remove-question = Retirer la question { $n }
rev-question-prompt = Énoncé de la question { $n }
rev-question-answer = Type de réponse de la question { $n }
rev-think-secs = { $secs } s de réflexion
rev-limit-secs = { $secs } s au maximum
rev-max-takes = { $takes ->
    [one] { $takes } prise
   *[other] { $takes } prises
}
rev-add-question = Ajouter une question
rev-save-campaign = Enregistrer la campagne
rev-duplicate = Dupliquer
rev-copy-title = { $title } (copie)
rev-unsaved-copy = Ceci est une copie non enregistrée : modifiez-la puis enregistrez-la.
rev-export-toml = Exporter en TOML
rev-campaign-file = Importer ou exporter le fichier de campagne (TOML)
rev-campaign-toml = Campagne en TOML
rev-import = Importer comme nouvelle campagne
rev-imported = Importée : vérifiez-la puis enregistrez-la.
rev-imported-text = le texte importé
rev-the-campaign = la campagne
rev-error-no-title = le titre ne doit pas être vide
rev-error-deadline = la date limite « { $deadline } » n’est pas une date et une heure comme 2026-12-31 17:00
rev-error-deadline-range = la date limite est hors des limites ; choisissez une date entre 1970 et 9999
rev-error-no-criteria = indiquez au moins un critère d’évaluation
rev-error-retention = conserver les candidatures : « { $days } » n’est pas un nombre de jours
rev-error-no-prompt = la question { $n } n’a pas d’énoncé
rev-error-no-limit = la question { $n } a besoin d’une durée maximale de réponse

## L’évaluation d’une candidature.
rev-back-to-inbox = Retour à la boîte de réception
rev-export = Exporter
rev-question = Question { $n }
rev-not-answered = Sans réponse.
rev-player-label = { $name } : réponse { $n }
rev-recording-arriving = L’enregistrement est encore en cours de réception ({ $percent } %).
rev-take = Prise { $take }, { $duration }
rev-waveform = Forme d’onde de la réponse
rev-comments = Commentaires
rev-comment-item = { $at } { $name } : { $text }
rev-play-from-here = Lire à partir d’ici
rev-comment = Commentaire
rev-comment-at = Commenter à { $at }
rev-your-scorecard = Votre grille d’évaluation ({ $name })
rev-not-scored = pas de note
rev-score-1 = 1 – insuffisant
rev-score-2 = 2 – faible
rev-score-3 = 3 – correct
rev-score-4 = 4 – bien
rev-score-5 = 5 – excellent
rev-submit-scorecard = Envoyer ma grille
rev-others-scored = { $count ->
    [one] { $count } autre évaluateur·rice a noté cette personne ; sa note s’affiche dès que vous avez envoyé la vôtre.
   *[other] { $count } autres évaluateurs ont noté cette personne ; leurs notes s’affichent dès que vous avez envoyé la vôtre.
}
rev-side-by-side = Grilles côte à côte :
rev-criterion = Critère
rev-average = Moyenne
rev-decision = Décision
rev-decision-sent = { $verdict ->
    [advance] Envoyé à la personne candidate : retenu, par { $by } le { $at }
    [hold] Envoyé à la personne candidate : en attente, par { $by } le { $at }
   *[reject] Envoyé à la personne candidate : non retenu, par { $by } le { $at }
}
rev-decision-sent-with-message = { $verdict ->
    [advance] Envoyé à la personne candidate : retenu, par { $by } le { $at } – « { $message } »
    [hold] Envoyé à la personne candidate : en attente, par { $by } le { $at } – « { $message } »
   *[reject] Envoyé à la personne candidate : non retenu, par { $by } le { $at } – « { $message } »
}
rev-advance = Retenir
rev-hold = Mettre en attente
rev-reject = Ne pas retenir
rev-decision-message = Message à la personne candidate (facultatif)
rev-send-decision = Envoyer la décision
rev-error-store-closed = le stockage des enregistrements n’est pas ouvert

## La conversation avec la personne candidate.
rev-conversation = Conversation avec la personne candidate
rev-no-messages = Aucun message.
rev-message-from = { $name } :
rev-request-asks = { $kind ->
    [extension] demande { $days ->
        [one] { $days } jour de plus
       *[other] { $days } jours de plus
    } avant la date limite : { $reason }
    [time] demande { $percent } % de temps en plus pour réfléchir et répondre : { $reason }
    [takes] demande { $takes ->
        [one] { $takes } prise de plus
       *[other] { $takes } prises de plus
    } par question : { $reason }
   *[both] demande { $percent } % de temps en plus et { $takes ->
        [one] { $takes } prise de plus
       *[other] { $takes } prises de plus
    } par question : { $reason }
}
rev-open-request = { $kind ->
    [extension] Demande en attente : { $days ->
        [one] { $days } jour de plus
       *[other] { $days } jours de plus
    } avant la date limite
    [time] Demande en attente : { $percent } % de temps en plus pour réfléchir et répondre
    [takes] Demande en attente : { $takes ->
        [one] { $takes } prise de plus
       *[other] { $takes } prises de plus
    } par question
   *[both] Demande en attente : { $percent } % de temps en plus et { $takes ->
        [one] { $takes } prise de plus
       *[other] { $takes } prises de plus
    } par question
}
rev-grant = { $kind ->
    [extension] Accorder { $days ->
        [one] { $days } jour de plus
       *[other] { $days } jours de plus
    } avant la date limite
    [time] Accorder { $percent } % de temps en plus pour réfléchir et répondre
    [takes] Accorder { $takes ->
        [one] { $takes } prise de plus
       *[other] { $takes } prises de plus
    } par question
   *[both] Accorder { $percent } % de temps en plus et { $takes ->
        [one] { $takes } prise de plus
       *[other] { $takes } prises de plus
    } par question
}
rev-granted = Accordé
rev-granted-note = Accordé : { $note }
rev-declined = Refusé
rev-declined-note = Refusé : { $note }
rev-grant-days = Jours à accorder
rev-grant-time = Temps en plus à accorder (%)
rev-grant-takes = Prises en plus à accorder
rev-decline-reason = Motif du refus
rev-decline = Refuser
rev-message-to-candidate = Message à la personne candidate
rev-send-message = Envoyer le message

## Ce que le service signale.
rev-saved-campaign = « { $title } » enregistrée
rev-saved-invited = Invitation créée
rev-saved-reviewer-invited = Évaluateur·rice invité·e
rev-saved-message = Message conservé ; la personne candidate le recevra à sa prochaine synchronisation
rev-saved-granted = Demande accordée
rev-saved-declined = Demande refusée
rev-saved-deleted = Candidature de { $name } supprimée ici ; les hubs et les évaluateurs suppriment la leur à leur prochaine synchronisation
rev-saved-revoked = Invitation de { $name } révoquée
rev-saved-accommodations = Aménagements enregistrés
rev-saved-viewed = Marquée comme consultée
rev-saved-score = Note enregistrée
rev-saved-scorecard = Grille envoyée
rev-saved-comment = Commentaire ajouté
rev-saved-decision = { $verdict ->
    [advance] Décision envoyée : retenu
    [hold] Décision envoyée : en attente
   *[reject] Décision envoyée : non retenu
}
rev-saved-recommendation = { $verdict ->
    [advance] Recommandation : retenir (l’employeur envoie la décision)
    [hold] Recommandation : mettre en attente (l’employeur envoie la décision)
   *[reject] Recommandation : ne pas retenir (l’employeur envoie la décision)
}
rev-exported = { $files ->
    [one] { $files } fichier exporté
   *[other] { $files } fichiers exportés
} vers { $dir }
rev-exported-missing = { $files ->
    [one] { $files } fichier exporté
   *[other] { $files } fichiers exportés
} vers { $dir } ({ $missing ->
    [one] { $missing } enregistrement pas encore arrivé
   *[other] { $missing } enregistrements pas encore arrivés
})
