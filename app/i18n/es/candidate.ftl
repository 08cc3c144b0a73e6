## Comunes a varias pantallas
cand-back = Volver
cand-back-home = Volver a sus entrevistas
cand-open-invite = Abrir una invitación
cand-messages-title = Mensajes con el empleador
cand-take = Toma { $number }
cand-characters = { $count ->
    [one] { $count } carácter
   *[other] { $count } caracteres
}
cand-key-space = Espacio
cand-key-enter = Intro

## La barra al pie de la pantalla
cand-connecting = Conectando con el empleador...
cand-online = En línea: conexión con el empleador establecida
cand-online-relay = En línea: conexión con el empleador a través de un relé
cand-online-direct = En línea: conexión directa con el empleador
cand-offline = Sin conexión: todo está guardado en este ordenador y se enviará cuando el empleador esté disponible

## Avisos sobre la pantalla
cand-notice-new-message = Nuevo mensaje sobre «{ $title }» ({ $role })
cand-notice-invite-later = Se abrió un enlace de invitación. Termine este paso y elija después «Abrir una invitación»: el enlace ya estará allí.
cand-submit-failed = No se pudieron entregar sus respuestas: { $error }
cand-problem-node = { $error }. Puede consultar sus entrevistas, pero no responderlas ni enviarlas.
cand-problem-take-dir = No se pudo preparar la toma en { $dir }: { $error }
cand-problem-refused = El empleador se ha negado: { $reason }
cand-problem-withdraw = No se pudo retirar su candidatura: { $error }

## Inicio: la lista de entrevistas
cand-home-title = Sus entrevistas
cand-home-paste-hint = O pegue aquí el enlace o el ticket de invitación que le envió el empleador (Ctrl+V).
cand-home-empty = Todavía no tiene entrevistas. Abra el enlace o el ticket de invitación que le envió el empleador.
cand-home-deadline = Fecha límite: { $deadline } ({ $relative })
cand-home-status = Estado: { $state }
cand-home-unread = { $count ->
    [one] { $count } mensaje nuevo del empleador
   *[other] { $count } mensajes nuevos del empleador
}
cand-home-open = Abrir { $title }
cand-state-advance = decisión tomada (sigue en el proceso)
cand-state-hold = decisión tomada (en espera)
cand-state-reject = decisión tomada (no continúa)
cand-state-viewed = visto por el empleador
cand-state-received = recibido por el empleador
cand-state-sending = entregado, enviando { $percent } %
cand-state-submitted = entregado
cand-state-not-started = sin empezar
cand-state-answered = { $answered } de { $total } respondidas

## Abrir una invitación
cand-invite-hint = Pegue el enlace o el ticket de invitación que le envió el empleador. Empieza por «peerview:join/» o «pvinvite1».
cand-invite-ticket = Ticket de invitación
cand-invite-open = Abrir la entrevista
cand-invite-contacting = Contactando con el empleador...
cand-join-not-a-ticket = Esto no es un ticket de invitación de Peerview (debería empezar por «pvinvite1», «pvreview1» o «pvhub1», o ser un enlace «peerview:join/...»).
cand-join-bad-characters = El ticket contiene caracteres que no pueden formar parte de un ticket; cópielo de nuevo, completo.
cand-join-damaged = El ticket está dañado o incompleto (su suma de comprobación no coincide); cópielo de nuevo, completo.
cand-join-unsupported = El ticket es de una versión más reciente de Peerview; actualice Peerview para usarlo.
cand-join-not-for-candidates = Este es el ticket de un evaluador o de un nodo del empleador; ábralo en el Peerview del empleador.
cand-join-no-store = No se pudo abrir el almacén de grabaciones.
cand-join-unreachable = No se pudo contactar con el ordenador del empleador, así que la entrevista aún no se ha podido descargar. Compruebe que tiene conexión e inténtelo más tarde; el ticket sigue siendo válido.
cand-join-refused = El empleador ha rechazado esta invitación: { $reason }.
cand-join-failed = No se pudo abrir la invitación: { $error }

## La presentación de una entrevista
cand-overview-from-employer = Del empleador
cand-overview-how = Cómo funciona
cand-overview-questions = { $count ->
    [one] { $count } pregunta
   *[other] { $count } preguntas
}. Responda de una vez o vuelva más tarde: sus respuestas se guardan sobre la marcha.
cand-overview-rule-video = { $number }. respuesta en vídeo, { $think } para pensar, hasta { $limit }, { $takes ->
    [one] { $takes } toma
   *[other] { $takes } tomas
}
cand-overview-rule-audio = { $number }. respuesta en audio, { $think } para pensar, hasta { $limit }, { $takes ->
    [one] { $takes } toma
   *[other] { $takes } tomas
}
cand-overview-rule-text = { $number }. respuesta escrita
cand-overview-practice = Primero hay una pregunta de práctica; no cuenta.
cand-overview-deadline = Fecha límite: { $deadline } ({ $relative })
cand-overview-see-status = Ver el estado de su entrega
cand-overview-deadline-passed = La fecha límite venció el { $deadline }. Pida más tiempo al empleador en «Mensajes».
cand-overview-check-devices = Comprobar cámara y micrófono
cand-overview-continue = Continuar con la pregunta { $number } de { $total }
cand-overview-review-submit = Revisar y entregar
cand-overview-messages-new = Mensajes con el empleador ({ $count ->
    [one] { $count } nuevo
   *[other] { $count } nuevos
})

## La comprobación de los dispositivos
cand-check-title = Compruebe su cámara y su micrófono
cand-check-intro = Asegúrese de que se le ve y se le oye. Nada de esto se envía al empleador.
cand-check-mic = Micrófono
cand-check-default-mic = Micrófono predeterminado
cand-check-play-back = Reproduzca la prueba para comprobar que se le ve y se le oye:
cand-check-recording-test = Grabando una prueba... { $left }
cand-check-record-test = { $secs ->
    [one] Grabar una prueba de { $secs } segundo
   *[other] Grabar una prueba de { $secs } segundos
}
cand-check-to-practice = Continuar con la pregunta de práctica
cand-check-start = Empezar la entrevista
cand-check-tip = Consejo: grabe una prueba corta y reprodúzcala antes de empezar.
cand-check-test-recording = Su grabación de prueba
cand-check-test-failed = La grabación de prueba ha fallado: { $error }
cand-capture-starting = Iniciando la cámara y el micrófono...
cand-capture-preview = Vista previa de la cámara
cand-capture-no-camera = No se encontró ninguna cámara: las respuestas en vídeo la necesitan. Conecte una cámara y vuelva.
cand-capture-failed = No se pudo iniciar la cámara o el micrófono: { $error }
cand-device-failed = { $error }. Compruebe el dispositivo e inténtelo de nuevo.

## Responder a una pregunta
cand-answer-practice = Pregunta de práctica (no cuenta)
cand-answer-question = Pregunta { $number } de { $total }
cand-answer-think-hint = Piense su respuesta. La grabación empieza cuando se acabe el tiempo.
cand-answer-think-hint-text = Piense su respuesta. Podrá escribir cuando se acabe el tiempo.
cand-answer-think-time = Tiempo para pensar { $time }
cand-answer-start-now = Empezar ahora
cand-answer-recording-left = Grabando: quedan { $time }
cand-answer-wrap-up = { $secs ->
    [one] Queda { $secs } segundo: es hora de terminar
   *[other] Quedan { $secs } segundos: es hora de terminar
}
cand-answer-stop = Detener la grabación
cand-answer-saving = Guardando su respuesta...
cand-answer-devices-not-ready = La cámara o el micrófono no están listos; la toma no pudo empezar.
cand-take-failed = No se pudo grabar la toma { $number }: { $error }
cand-save-failed = No se pudo guardar su respuesta: { $error }
cand-save-no-store = No se pudo guardar su respuesta: no se pudo abrir el almacén de grabaciones.
cand-save-take-changed = No se pudo guardar su respuesta: la toma cambió en el disco mientras se guardaba; grábela de nuevo.

## Revisar las tomas
cand-review-hint = Vea su toma y después consérvela o grábela de nuevo.
cand-review-take = Toma { $number } ({ $duration })
cand-review-take-on-screen = Toma { $number } ({ $duration }) (en pantalla)
cand-review-watch = Ver la toma { $number }
cand-review-keep = Conservar la toma { $number }
cand-review-retake = Grabar de nuevo (quedan { $left } de { $max ->
    [one] { $max } toma
   *[other] { $max } tomas
})
cand-review-no-takes-left = No quedan tomas: conserve la que más le guste.

## Una respuesta escrita
cand-text-time-left = Tiempo restante para escribir: { $time }
cand-text-label = Su respuesta
cand-text-save = Guardar la respuesta

## El resumen antes de entregar
cand-summary-title = Sus respuestas
cand-summary-recorded = { $number }. { $prompt }: grabada ({ $duration })
cand-summary-written = { $number }. { $prompt }: escrita ({ $count ->
    [one] { $count } carácter
   *[other] { $count } caracteres
})
cand-summary-missing = { $number }. { $prompt }: sin responder todavía
cand-summary-final = Una vez entregadas, las respuestas ya no se pueden cambiar.
cand-summary-submit = Entregar
cand-summary-remaining = Responder las preguntas restantes

## El estado de una entrega
cand-status-title = { $title }: su entrega
cand-status-not-submitted = Todavía no ha entregado sus respuestas.
cand-status-decided = El empleador ha tomado una decisión.
cand-status-viewed = El empleador ha visto sus respuestas.
cand-status-received = El empleador ha recibido sus respuestas.
cand-status-sent = Sus respuestas se han enviado; falta la confirmación del empleador.
cand-status-sending = Sus respuestas están guardadas en este ordenador y se están enviando.
cand-step-recorded = Grabadas
cand-step-submitted = Entregadas
cand-step-sent = Enviadas
cand-step-received = Recibidas por el empleador
cand-step-viewed = Vistas
cand-step-decision = Decisión
cand-step-done = hecho
cand-step-not-yet = todavía no
cand-verdict-advance = El empleador desea seguir adelante con usted.
cand-verdict-reject = El empleador ha decidido no seguir adelante esta vez.
cand-verdict-hold = El empleador ha dejado su candidatura en espera.
cand-status-employer-message = Mensaje del empleador: { $message }
cand-status-sending-title = Envío de sus respuestas
cand-status-offline = No tiene conexión. Sus respuestas están a salvo en este ordenador y se enviarán cuando el empleador esté disponible; mientras tanto, puede cerrar Peerview.
cand-upload-progress = { $sent } de { $total }
cand-upload-progress-rate = { $sent } de { $total }, { $rate }/s, quedan unos { $left }

## Retirada y eliminación
cand-deleted-title = Su entrega se ha eliminado.
cand-deleted-receipt = Comprobante de eliminación: el { $date }, el empleador eliminó de sus ordenadores sus respuestas, grabaciones, nombre y correo electrónico ({ $reason }).
cand-deletion-by-employer = eliminada por el empleador
cand-deletion-withdrawn = retirada a petición suya
cand-deletion-retention = terminó el plazo de conservación
cand-deleted-own-recordings = Sus propias grabaciones en este ordenador siguen siendo suyas.
cand-withdrawn-title = Ha retirado su candidatura a esta entrevista.
cand-withdrawn-pending = Su solicitud de eliminar su entrega llegará al empleador con la próxima sincronización; el comprobante aparecerá aquí cuando se haya hecho.
cand-withdrawn-offline = No tiene conexión: la solicitud espera en este ordenador.
cand-withdraw = Retirar mi candidatura
cand-withdraw-hint = Pide al empleador que elimine sus respuestas, grabaciones, nombre y correo electrónico
cand-withdraw-confirm = ¿Retirar su candidatura y pedir al empleador que elimine su entrega?
cand-withdraw-yes = Sí, retirarla
cand-withdraw-stay = No retirarla

## Los mensajes con el empleador
cand-messages-empty = ¿Tiene preguntas sobre el puesto, las reglas o un problema técnico? Pregunte aquí; el empleador le responderá aquí.
cand-messages-from-you = Usted:
cand-messages-from-employer = Empleador:
cand-request-granted = Solicitud: { $what } (concedida). { $reason }
cand-request-declined = Solicitud: { $what } (rechazada). { $reason }
cand-request-waiting = Solicitud: { $what } (pendiente de respuesta). { $reason }
cand-request-days = { $days ->
    [one] { $days } día más antes de la fecha límite
   *[other] { $days } días más antes de la fecha límite
}
cand-request-takes = { $takes ->
    [one] { $takes } toma más por pregunta
   *[other] { $takes } tomas más por pregunta
}
cand-request-time = { $percent } % más de tiempo para pensar y responder
cand-request-time-takes = { $percent } % más de tiempo y { $takes ->
    [one] { $takes } toma más
   *[other] { $takes } tomas más
} por pregunta
cand-outcome-granted = Solicitud concedida
cand-outcome-granted-note = Solicitud concedida: { $note }
cand-outcome-declined = Solicitud rechazada
cand-outcome-declined-note = Solicitud rechazada: { $note }
cand-messages-label = Su mensaje
cand-messages-count = { $count } / { $max } caracteres
cand-messages-send = Enviar el mensaje
cand-message-refused = No se pudo enviar su mensaje: { $error }
cand-ask-for = Pedir
cand-ask-days-suffix = { $days ->
    [one] {" "}día más
   *[other] {" "}días más
}
cand-ask-time-suffix = {" "}% más de tiempo
cand-ask-takes-suffix = { $takes ->
    [one] {" "}toma más
   *[other] {" "}tomas más
}
cand-ask-more-time = Pedir más tiempo
cand-ask-accommodation = Pedir una adaptación
cand-ask-reason-hint = Su mensaje de arriba es el motivo
