# Las pantallas del empleador y de los evaluadores (app/src/gui/review).
# $verdict es siempre advance, hold o reject; $state es invited, joined o revoked.

## El marco: barra de estado, avisos, lista de campañas, pestañas.
rev-node-employer = Nodo del empleador { $id }: { $reachability } - { $peers ->
    [one] { $peers } conectado
   *[other] { $peers } conectados
} - { $transfers ->
    [one] { $transfers } transferencia
   *[other] { $transfers } transferencias
}
rev-node-reviewer = Nodo de evaluación { $id }: { $reachability } - { $peers ->
    [one] { $peers } conectado
   *[other] { $peers } conectados
} - { $transfers ->
    [one] { $transfers } transferencia
   *[other] { $transfers } transferencias
}
rev-node-starting = iniciando
rev-reach-offline = sin conexión
rev-reach-direct = directo ({ $addresses })
rev-reach-direct-and-relay = directo ({ $addresses }) y a través del relé { $relay }
rev-reach-employer = conectado con el empleador
rev-reach-employer-via = conectado con el empleador, { $path }
rev-node-failed = { $error }. Puede leer, pero no recibir ni enviar.
rev-toast-new-submission = Nueva entrega de { $name }
rev-toast-new-message = Nuevo mensaje de { $name }
rev-campaigns = Campañas
rev-new-campaign = Nueva campaña
rev-campaign-counts = { $candidates ->
    [one] { $candidates } candidato
   *[other] { $candidates } candidatos
}, { $submitted ->
    [one] { $submitted } entregada
   *[other] { $submitted } entregadas
}
rev-no-campaign = Todavía no hay ninguna campaña. Cree una con «Nueva campaña».
rev-tab-candidates = Candidatos
rev-tab-invites = Invitaciones
rev-tab-campaign = Campaña

## Unirse como evaluador.
rev-join-heading = Unirse como evaluador/a
rev-join-explain = Pegue el ticket de evaluador que le envió el empleador (empieza por «pvreview1»).
rev-join-ticket = Ticket de evaluador
rev-join = Unirse
rev-joined = Se ha unido: las entregas de la campaña están llegando
rev-error-not-reviewer-ticket = este no es un ticket de evaluador

## La bandeja de entrada.
rev-filter = Filtrar
rev-sort-by = Ordenar por
rev-sort-name = nombre
rev-sort-status = estado
rev-sort-submitted = fecha de entrega
rev-no-candidates = Todavía no hay candidatos. Invite a alguien en la pestaña Invitaciones.
rev-new-messages = { $count ->
    [one] { $count } mensaje nuevo
   *[other] { $count } mensajes nuevos
}
rev-open-requests = { $count ->
    [one] { $count } solicitud pendiente
   *[other] { $count } solicitudes pendientes
}
rev-average-of-five = { $mean } / 5
rev-review-candidate = Evaluar a { $name }
rev-state-invited = invitado
rev-state-joined = registrado
rev-state-revoked = revocado
rev-state-deleted = eliminado
rev-status-decided = { $verdict ->
    [advance] decidido: avanza
    [hold] decidido: en espera
   *[reject] decidido: descartado
}
rev-status-receiving = recibiendo { $percent } %
rev-status-viewed = visto
rev-status-complete = completo
rev-status-in-progress = en curso ({ $answered } de { $questions })

## Invitaciones.
rev-invite-candidate = Invitar a un candidato
rev-invite-name = Nombre
rev-invite-email = Correo electrónico
rev-invite = Invitar
rev-invite-several = Invitar a varios (CSV: nombre, correo por línea)
rev-invite-csv = Candidatos en CSV
rev-invite-all = Invitar a todos
rev-csv-empty = el CSV no incluye a nadie
rev-csv-no-name = línea { $line }: falta el nombre
rev-csv-bad-email = línea { $line }: «{ $email }» no es una dirección de correo electrónico
rev-reviewer-name = Nombre del evaluador
rev-invite-reviewer = Invitar a un evaluador
rev-new-tickets = Tickets nuevos: envíe cada uno a su destinatario
rev-ticket-of-reviewer = { $name } (evaluador/a)
rev-copy-ticket = Copiar el ticket de { $name }
rev-ticket-copied = Ticket de { $name } copiado
rev-copy-link = Copiar el enlace de { $name }
rev-link-copied = Enlace de { $name } copiado: abre Peerview con la invitación
rev-email-invite = Enviar la invitación a { $name } por correo
rev-mail-draft-opens = Se abre un borrador para { $name } en su programa de correo
rev-mail-program-failed = No se pudo abrir su programa de correo ({ $error }); use «Copiar el enlace»
rev-drafts-folder = Carpeta de borradores de correo
rev-save-drafts = Guardar borradores de correo (.eml)
rev-drafts-default-folder = Invitaciones de Peerview
rev-drafts-saved = { $count ->
    [one] { $count } borrador de correo guardado en { $dir }: ábralo en su programa de correo y envíelo
   *[other] { $count } borradores de correo guardados en { $dir }: abra cada uno en su programa de correo y envíelo
}
rev-error-creating = al crear { $path }
rev-error-writing = al escribir { $path }
rev-qr-too-long = (demasiado largo para un código QR)
rev-qr-code = Código QR del ticket
rev-invited-candidates = Candidatos invitados
rev-days-later = { $days ->
    [one] { $days } día más tarde
   *[other] { $days } días más tarde
}
rev-more-time = { $percent } % más de tiempo
rev-extra-takes = { $takes ->
    [one] { $takes } toma adicional
   *[other] { $takes } tomas adicionales
}
rev-save-for = Guardar para { $name }
rev-revoke = Revocar a { $name }
rev-delete = Eliminar a { $name }
rev-delete-hint = Elimina la entrega, las evaluaciones, las grabaciones, el nombre y el correo aquí, en los hubs y en los ordenadores de los evaluadores
rev-delete-confirm = ¿Eliminar en todas partes, para siempre?
rev-delete-yes = Sí, eliminar a { $name }
rev-delete-keep = Conservar
rev-reviewers = Evaluadores
rev-reviewer-state = { $state ->
    [joined] { $name } (registrado/a)
    [revoked] { $name } (revocado/a)
   *[invited] { $name } (invitado/a)
}
rev-error-no-candidate = no hay ningún candidato { $candidate } en esta campaña
rev-error-node-not-started = el nodo del empleador no se ha iniciado, así que un ticket no puede indicar adónde conectarse

## El editor de campañas.
rev-title = Título
rev-role = Puesto
rev-instructions = Instrucciones
rev-language = Idioma de los candidatos
rev-language-each = El de cada candidato
rev-time-zone = Zona horaria
rev-time-zone-hint = p. ej., Europe/Madrid
rev-time-zone-unknown = este ordenador no conoce esa zona horaria
rev-deadline = Fecha límite ({ $zone })
rev-error-zone = este ordenador no conoce la zona horaria «{ $zone }»; use un nombre IANA como Europe/Madrid
rev-criteria = Criterios de evaluación
rev-retention = Conservar las entregas (días después de la decisión)
rev-retention-none = hasta eliminarlas
rev-retention-hint = Se eliminan en todas partes (este ordenador, los hubs, los evaluadores) cuando se cumple el plazo
rev-blind-review = Evaluación anónima: los evaluadores ven alias, no nombres ni correos
rev-reviewers-may-message = Los evaluadores pueden escribir a los candidatos (siempre pueden leer)
rev-practice = Pregunta de práctica (nunca cuenta)
rev-practice-default-prompt = Háblenos de su lugar favorito.
rev-default-prompt = Preséntese, por favor.
rev-criterion-communication = Comunicación
rev-criterion-experience = Experiencia relevante
rev-criterion-motivation = Motivación
rev-practice-prompt = Enunciado de la pregunta de práctica
rev-practice-answer = Tipo de respuesta de la pregunta de práctica
rev-questions = Preguntas
rev-question-number = { $n }.
rev-move-up = Subir la pregunta { $n }
rev-move-down = Bajar la pregunta { $n }
rev-remove-question = Quitar la pregunta { $n }
rev-question-prompt = Enunciado de la pregunta { $n }
rev-question-answer = Tipo de respuesta de la pregunta { $n }
rev-think-secs = { $secs } s para pensar
rev-limit-secs = { $secs } s como máximo
rev-max-takes = { $takes ->
    [one] { $takes } toma
   *[other] { $takes } tomas
}
rev-add-question = Añadir una pregunta
rev-save-campaign = Guardar la campaña
rev-duplicate = Duplicar
rev-copy-title = { $title } (copia)
rev-unsaved-copy = Esta es una copia sin guardar: modifíquela y guárdela.
rev-export-toml = Exportar TOML
rev-campaign-file = Importar o exportar el archivo de campaña (TOML)
rev-campaign-toml = Campaña en TOML
rev-import = Importar como campaña nueva
rev-imported = Importada: revísela y guárdela.
rev-imported-text = el texto importado
rev-the-campaign = la campaña
rev-error-no-title = el título no puede estar vacío
rev-error-deadline = la fecha límite «{ $deadline }» no es una fecha y hora como 2026-12-31 17:00
rev-error-deadline-range = la fecha límite está fuera de rango; elija una fecha entre 1970 y 9999
rev-error-no-criteria = indique al menos un criterio de evaluación
rev-error-retention = conservar las entregas: «{ $days }» no es un número de días
rev-error-no-prompt = la pregunta { $n } no tiene enunciado
rev-error-no-limit = la pregunta { $n } necesita un tiempo máximo de respuesta

## La evaluación de una entrega.
rev-back-to-inbox = Volver a la bandeja de entrada
rev-export = Exportar
rev-question = Pregunta { $n }
rev-not-answered = Sin respuesta.
rev-player-label = { $name }: respuesta { $n }
rev-recording-arriving = La grabación todavía está llegando ({ $percent } %).
rev-take = Toma { $take }, { $duration }
rev-waveform = Forma de onda de la respuesta
rev-comments = Comentarios
rev-comment-item = { $at } { $name }: { $text }
rev-play-from-here = Reproducir desde aquí
rev-comment = Comentario
rev-comment-at = Comentar en { $at }
rev-your-scorecard = Su hoja de evaluación ({ $name })
rev-not-scored = sin puntuar
rev-score-1 = 1 - deficiente
rev-score-2 = 2 - flojo
rev-score-3 = 3 - aceptable
rev-score-4 = 4 - bueno
rev-score-5 = 5 - excelente
rev-submit-scorecard = Enviar mi hoja de evaluación
rev-others-scored = { $count ->
    [one] { $count } evaluador más ha puntuado a esta persona; su puntuación se mostrará cuando usted envíe la suya.
   *[other] { $count } evaluadores más han puntuado a esta persona; sus puntuaciones se mostrarán cuando usted envíe la suya.
}
rev-side-by-side = Hojas de evaluación lado a lado:
rev-criterion = Criterio
rev-average = Media
rev-decision = Decisión
rev-decision-sent = { $verdict ->
    [advance] Enviado al candidato: avanza, por { $by } el { $at }
    [hold] Enviado al candidato: en espera, por { $by } el { $at }
   *[reject] Enviado al candidato: descartado, por { $by } el { $at }
}
rev-decision-sent-with-message = { $verdict ->
    [advance] Enviado al candidato: avanza, por { $by } el { $at } - «{ $message }»
    [hold] Enviado al candidato: en espera, por { $by } el { $at } - «{ $message }»
   *[reject] Enviado al candidato: descartado, por { $by } el { $at } - «{ $message }»
}
rev-advance = Avanzar
rev-hold = Dejar en espera
rev-reject = Descartar
rev-decision-message = Mensaje para el candidato (opcional)
rev-send-decision = Enviar la decisión
rev-error-store-closed = el almacén de grabaciones no está abierto

## La conversación con el candidato.
rev-conversation = Conversación con el candidato
rev-no-messages = No hay mensajes.
rev-message-from = { $name }:
rev-request-asks = { $kind ->
    [extension] pide { $days ->
        [one] { $days } día más
       *[other] { $days } días más
    } antes de la fecha límite: { $reason }
    [time] pide un { $percent } % más de tiempo para pensar y responder: { $reason }
    [takes] pide { $takes ->
        [one] { $takes } toma más
       *[other] { $takes } tomas más
    } por pregunta: { $reason }
   *[both] pide un { $percent } % más de tiempo y { $takes ->
        [one] { $takes } toma más
       *[other] { $takes } tomas más
    } por pregunta: { $reason }
}
rev-open-request = { $kind ->
    [extension] Solicitud pendiente: { $days ->
        [one] { $days } día más
       *[other] { $days } días más
    } antes de la fecha límite
    [time] Solicitud pendiente: un { $percent } % más de tiempo para pensar y responder
    [takes] Solicitud pendiente: { $takes ->
        [one] { $takes } toma más
       *[other] { $takes } tomas más
    } por pregunta
   *[both] Solicitud pendiente: un { $percent } % más de tiempo y { $takes ->
        [one] { $takes } toma más
       *[other] { $takes } tomas más
    } por pregunta
}
rev-grant = { $kind ->
    [extension] Conceder { $days ->
        [one] { $days } día más
       *[other] { $days } días más
    } antes de la fecha límite
    [time] Conceder un { $percent } % más de tiempo para pensar y responder
    [takes] Conceder { $takes ->
        [one] { $takes } toma más
       *[other] { $takes } tomas más
    } por pregunta
   *[both] Conceder un { $percent } % más de tiempo y { $takes ->
        [one] { $takes } toma más
       *[other] { $takes } tomas más
    } por pregunta
}
rev-granted = Concedido
rev-granted-note = Concedido: { $note }
rev-declined = Rechazado
rev-declined-note = Rechazado: { $note }
rev-grant-days = Días que conceder
rev-grant-time = Tiempo adicional que conceder (%)
rev-grant-takes = Tomas adicionales que conceder
rev-decline-reason = Motivo del rechazo
rev-decline = Rechazar
rev-message-to-candidate = Mensaje para el candidato
rev-send-message = Enviar el mensaje

## Lo que comunica el servicio.
rev-saved-campaign = «{ $title }» guardada
rev-saved-invited = Invitación creada
rev-saved-reviewer-invited = Evaluador/a invitado/a
rev-saved-message = Mensaje guardado; el candidato lo recibirá en su próxima sincronización
rev-saved-granted = Solicitud concedida
rev-saved-declined = Solicitud rechazada
rev-saved-deleted = Se eliminó aquí la entrega de { $name }; los hubs y los evaluadores eliminarán la suya en su próxima sincronización
rev-saved-revoked = Se revocó la invitación de { $name }
rev-saved-accommodations = Adaptaciones guardadas
rev-saved-viewed = Marcada como vista
rev-saved-score = Puntuación guardada
rev-saved-scorecard = Hoja de evaluación enviada
rev-saved-comment = Comentario añadido
rev-saved-decision = { $verdict ->
    [advance] Decisión enviada: avanza
    [hold] Decisión enviada: en espera
   *[reject] Decisión enviada: descartado
}
rev-saved-recommendation = { $verdict ->
    [advance] Recomendación: avanzar (el empleador envía la decisión)
    [hold] Recomendación: dejar en espera (el empleador envía la decisión)
   *[reject] Recomendación: descartar (el empleador envía la decisión)
}
rev-exported = { $files ->
    [one] { $files } archivo exportado
   *[other] { $files } archivos exportados
} a { $dir }
rev-exported-missing = { $files ->
    [one] { $files } archivo exportado
   *[other] { $files } archivos exportados
} a { $dir } ({ $missing ->
    [one] { $missing } grabación aún no está aquí
   *[other] { $missing } grabaciones aún no están aquí
})
