## Communs à plusieurs écrans
cand-back = Retour
cand-back-home = Retour à vos entretiens
cand-open-invite = Ouvrir une invitation
cand-messages-title = Messages avec l’employeur
cand-take = Prise { $number }
cand-characters = { $count ->
    [one] { $count } caractère
   *[other] { $count } caractères
}
cand-key-space = Espace
cand-key-enter = Entrée

## La barre en bas de l’écran
cand-connecting = Connexion à l’employeur...
cand-online = En ligne : connexion à l’employeur établie
cand-online-relay = En ligne : connexion à l’employeur via un relais
cand-online-direct = En ligne : connexion directe à l’employeur
cand-offline = Hors ligne : tout est enregistré sur cet ordinateur et sera envoyé dès que l’employeur sera joignable

## Avis au-dessus de l’écran
cand-notice-new-message = Nouveau message concernant « { $title } » ({ $role })
cand-notice-invite-later = Un lien d’invitation a été ouvert. Terminez cette étape, puis choisissez « Ouvrir une invitation » : le lien y est déjà saisi.
cand-submit-failed = Vos réponses n’ont pas pu être soumises : { $error }
cand-problem-node = { $error }. Vous pouvez consulter vos entretiens, mais pas y répondre ni les envoyer.
cand-problem-take-dir = Impossible de préparer la prise dans { $dir } : { $error }
cand-problem-refused = L’employeur a refusé : { $reason }
cand-problem-withdraw = Le retrait de votre candidature a échoué : { $error }

## Accueil : la liste des entretiens
cand-home-title = Vos entretiens
cand-home-paste-hint = Ou collez ici le lien ou le ticket d’invitation que l’employeur vous a envoyé (Ctrl+V).
cand-home-empty = Vous n’avez encore aucun entretien. Ouvrez le lien ou le ticket d’invitation que l’employeur vous a envoyé.
cand-home-deadline = Date limite : { $deadline } ({ $relative })
cand-home-status = État : { $state }
cand-home-unread = { $count ->
    [one] { $count } nouveau message de l’employeur
   *[other] { $count } nouveaux messages de l’employeur
}
cand-home-open = Ouvrir { $title }
cand-state-advance = décision prise (suite du processus)
cand-state-hold = décision prise (en attente)
cand-state-reject = décision prise (sans suite)
cand-state-viewed = consulté par l’employeur
cand-state-received = reçu par l’employeur
cand-state-sending = soumis, transmission à { $percent } %
cand-state-submitted = soumis
cand-state-not-started = pas encore commencé
cand-state-answered = { $answered ->
    [one] { $answered } réponse
   *[other] { $answered } réponses
} sur { $total }

## Ouvrir une invitation
cand-invite-hint = Collez le lien ou le ticket d’invitation que l’employeur vous a envoyé. Il commence par « peerview:join/ » ou « pvinvite1 ».
cand-invite-ticket = Ticket d’invitation
cand-invite-open = Ouvrir l’entretien
cand-invite-contacting = Prise de contact avec l’employeur...
cand-join-not-a-ticket = Ceci n’est pas un ticket d’invitation Peerview (il devrait commencer par « pvinvite1 », « pvreview1 » ou « pvhub1 », ou être un lien « peerview:join/... »).
cand-join-bad-characters = Le ticket contient des caractères qui ne peuvent pas en faire partie ; copiez-le de nouveau, en entier.
cand-join-damaged = Le ticket est endommagé ou incomplet (sa somme de contrôle ne correspond pas) ; copiez-le de nouveau, en entier.
cand-join-unsupported = Le ticket provient d’une version plus récente de Peerview ; mettez Peerview à jour pour l’utiliser.
cand-join-not-for-candidates = Ceci est le ticket d’un évaluateur ou d’un nœud employeur ; ouvrez-le dans le Peerview de l’employeur.
cand-join-no-store = Le stockage des enregistrements n’a pas pu être ouvert.
cand-join-unreachable = L’ordinateur de l’employeur est injoignable ; l’entretien n’a donc pas encore pu être téléchargé. Vérifiez votre connexion et réessayez plus tard ; le ticket reste valable.
cand-join-refused = L’employeur a refusé cette invitation : { $reason }.
cand-join-failed = L’invitation n’a pas pu être ouverte : { $error }

## La présentation d’un entretien
cand-overview-from-employer = De la part de l’employeur
cand-overview-how = Comment ça se passe
cand-overview-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}. Répondez en une seule fois ou revenez plus tard : vos réponses sont enregistrées au fur et à mesure.
cand-overview-rule-video = { $number }. réponse vidéo, { $think } de réflexion, jusqu’à { $limit }, { $takes ->
    [one] { $takes } prise
   *[other] { $takes } prises
}
cand-overview-rule-audio = { $number }. réponse audio, { $think } de réflexion, jusqu’à { $limit }, { $takes ->
    [one] { $takes } prise
   *[other] { $takes } prises
}
cand-overview-rule-text = { $number }. réponse écrite
cand-overview-practice = Une question d’entraînement vient d’abord ; elle ne compte pas.
cand-overview-deadline = Date limite : { $deadline } ({ $relative })
cand-overview-see-status = Voir l’état de votre candidature
cand-overview-deadline-passed = La date limite est passée depuis le { $deadline }. Demandez plus de temps à l’employeur dans les messages.
cand-overview-check-devices = Vérifier la caméra et le micro
cand-overview-continue = Continuer avec la question { $number } sur { $total }
cand-overview-review-submit = Relire et soumettre
cand-overview-messages-new = Messages avec l’employeur ({ $count ->
    [one] { $count } nouveau
   *[other] { $count } nouveaux
})

## La vérification des appareils
cand-check-title = Vérifiez votre caméra et votre micro
cand-check-intro = Assurez-vous qu’on vous voit et qu’on vous entend. Rien ici n’est envoyé à l’employeur.
cand-check-mic = Micro
cand-check-default-mic = Micro par défaut
cand-check-play-back = Relisez le test pour vérifier qu’on vous voit et qu’on vous entend :
cand-check-recording-test = Enregistrement du test... { $left }
cand-check-record-test = { $secs ->
    [one] Enregistrer un test de { $secs } seconde
   *[other] Enregistrer un test de { $secs } secondes
}
cand-check-to-practice = Passer à la question d’entraînement
cand-check-start = Commencer l’entretien
cand-check-tip = Conseil : enregistrez un court test et relisez-le avant de commencer.
cand-check-test-recording = Votre enregistrement de test
cand-check-test-failed = L’enregistrement de test a échoué : { $error }
cand-capture-starting = Démarrage de la caméra et du micro...
cand-capture-preview = Aperçu de la caméra
cand-capture-no-camera = Aucune caméra trouvée : les réponses vidéo en demandent une. Branchez une caméra, puis revenez.
cand-capture-failed = La caméra ou le micro n’a pas pu démarrer : { $error }
cand-device-failed = { $error }. Vérifiez l’appareil et réessayez.

## Répondre à une question
cand-answer-practice = Question d’entraînement (elle ne compte pas)
cand-answer-question = Question { $number } sur { $total }
cand-answer-think-hint = Réfléchissez à votre réponse. L’enregistrement commence quand le temps est écoulé.
cand-answer-think-hint-text = Réfléchissez à votre réponse. La rédaction commence quand le temps est écoulé.
cand-answer-think-time = Réflexion { $time }
cand-answer-start-now = Commencer maintenant
cand-answer-recording-left = Enregistrement : encore { $time }
cand-answer-wrap-up = { $secs ->
    [one] Encore { $secs } seconde : il est temps de conclure
   *[other] Encore { $secs } secondes : il est temps de conclure
}
cand-answer-stop = Arrêter l’enregistrement
cand-answer-saving = Enregistrement de votre réponse...
cand-answer-devices-not-ready = La caméra ou le micro n’est pas prêt ; la prise n’a pas pu commencer.
cand-take-failed = La prise { $number } n’a pas pu être enregistrée : { $error }
cand-save-failed = Votre réponse n’a pas pu être enregistrée : { $error }
cand-save-no-store = Votre réponse n’a pas pu être enregistrée : le stockage des enregistrements n’a pas pu être ouvert.
cand-save-take-changed = Votre réponse n’a pas pu être enregistrée : la prise a changé sur le disque pendant la sauvegarde ; enregistrez-la de nouveau.

## Revoir les prises
cand-review-hint = Regardez votre prise, puis gardez-la ou recommencez-la.
cand-review-take = Prise { $number } ({ $duration })
cand-review-take-on-screen = Prise { $number } ({ $duration }) (à l’écran)
cand-review-watch = Regarder la prise { $number }
cand-review-keep = Garder la prise { $number }
cand-review-retake = Recommencer ({ $left ->
    [one] { $left } prise restante
   *[other] { $left } prises restantes
} sur { $max })
cand-review-no-takes-left = Plus aucune prise restante : gardez celle que vous préférez.

## Une réponse écrite
cand-text-time-left = Temps restant pour écrire : { $time }
cand-text-label = Votre réponse
cand-text-save = Enregistrer la réponse

## Le récapitulatif avant de soumettre
cand-summary-title = Vos réponses
cand-summary-recorded = { $number }. { $prompt } : enregistrée ({ $duration })
cand-summary-written = { $number }. { $prompt } : écrite ({ $count ->
    [one] { $count } caractère
   *[other] { $count } caractères
})
cand-summary-missing = { $number }. { $prompt } : pas encore de réponse
cand-summary-final = Une fois soumises, les réponses ne peuvent plus être modifiées.
cand-summary-submit = Soumettre
cand-summary-remaining = Répondre aux questions restantes

## L’état d’une candidature
cand-status-title = { $title } : votre candidature
cand-status-not-submitted = Vous n’avez pas encore soumis vos réponses.
cand-status-decided = L’employeur a pris une décision.
cand-status-viewed = L’employeur a regardé vos réponses.
cand-status-received = L’employeur a reçu vos réponses.
cand-status-sent = Vos réponses sont transmises ; la confirmation de l’employeur est attendue.
cand-status-sending = Vos réponses sont enregistrées sur cet ordinateur et en cours de transmission.
cand-step-recorded = Enregistrées
cand-step-submitted = Soumises
cand-step-sent = Transmises
cand-step-received = Reçues par l’employeur
cand-step-viewed = Consultées
cand-step-decision = Décision
cand-step-done = fait
cand-step-not-yet = pas encore
cand-verdict-advance = L’employeur souhaite poursuivre avec vous.
cand-verdict-reject = L’employeur a décidé de ne pas donner suite cette fois-ci.
cand-verdict-hold = L’employeur a mis votre candidature en attente.
cand-status-employer-message = Message de l’employeur : { $message }
cand-status-sending-title = Transmission de vos réponses
cand-status-offline = Vous êtes hors ligne. Vos réponses sont en sécurité sur cet ordinateur et seront transmises dès que l’employeur sera joignable ; vous pouvez fermer Peerview en attendant.
cand-upload-progress = { $sent } sur { $total }
cand-upload-progress-rate = { $sent } sur { $total }, { $rate }/s, encore environ { $left }

## Retrait et suppression
cand-deleted-title = Votre candidature a été supprimée.
cand-deleted-receipt = Attestation de suppression : le { $date }, l’employeur a supprimé de ses ordinateurs vos réponses, vos enregistrements, votre nom et votre adresse e-mail ({ $reason }).
cand-deletion-by-employer = supprimée par l’employeur
cand-deletion-withdrawn = retirée à votre demande
cand-deletion-retention = la durée de conservation a expiré
cand-deleted-own-recordings = Vos propres enregistrements sur cet ordinateur restent les vôtres.
cand-withdrawn-title = Vous avez retiré votre candidature à cet entretien.
cand-withdrawn-pending = Votre demande de suppression parviendra à l’employeur lors de la prochaine synchronisation ; l’attestation apparaîtra ici une fois la suppression faite.
cand-withdrawn-offline = Vous êtes hors ligne : la demande attend sur cet ordinateur.
cand-withdraw = Retirer ma candidature
cand-withdraw-hint = Demande à l’employeur de supprimer vos réponses, vos enregistrements, votre nom et votre adresse e-mail
cand-withdraw-confirm = Retirer votre candidature et la faire supprimer par l’employeur ?
cand-withdraw-yes = Oui, la retirer
cand-withdraw-stay = Ne pas la retirer

## Les messages avec l’employeur
cand-messages-empty = Une question sur le poste, les règles ou un problème technique ? Posez-la ici ; l’employeur vous répond ici.
cand-messages-from-you = Vous :
cand-messages-from-employer = Employeur :
cand-request-granted = Demande : { $what } (accordée). { $reason }
cand-request-declined = Demande : { $what } (refusée). { $reason }
cand-request-waiting = Demande : { $what } (en attente de réponse). { $reason }
cand-request-days = { $days ->
    [one] { $days } jour de plus avant la date limite
   *[other] { $days } jours de plus avant la date limite
}
cand-request-takes = { $takes ->
    [one] { $takes } prise de plus par question
   *[other] { $takes } prises de plus par question
}
cand-request-time = { $percent } % de temps en plus pour réfléchir et répondre
cand-request-time-takes = { $percent } % de temps en plus et { $takes ->
    [one] { $takes } prise
   *[other] { $takes } prises
} de plus par question
cand-outcome-granted = Demande accordée
cand-outcome-granted-note = Demande accordée : { $note }
cand-outcome-declined = Demande refusée
cand-outcome-declined-note = Demande refusée : { $note }
cand-messages-label = Votre message
cand-messages-count = { $count } / { $max } caractères
cand-messages-send = Envoyer le message
cand-message-refused = Votre message n’a pas pu être envoyé : { $error }
cand-ask-for = Demander
cand-ask-days-suffix = { $days ->
    [one] {" "}jour de plus
   *[other] {" "}jours de plus
}
cand-ask-time-suffix = {" "}% de temps en plus
cand-ask-takes-suffix = { $takes ->
    [one] {" "}prise de plus
   *[other] {" "}prises de plus
}
cand-ask-more-time = Demander plus de temps
cand-ask-accommodation = Demander un aménagement
cand-ask-reason-hint = Votre message ci-dessus sert de motif
