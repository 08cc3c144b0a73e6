# La línea de comandos (`peerview ...`), los archivos que escribe para las personas (summary.md,
# correos de invitación) y las operaciones que la aplicación comparte con ella (ops-).

## Ayuda: un mensaje por orden y por argumento.

cli-help-peerview = Entrevistas en vídeo diferidas, de igual a igual y primero en local.
cli-help-peerview-long = Entrevistas en vídeo diferidas, de igual a igual y primero en local.

    Los empleadores crean campañas e invitan a candidatos; los candidatos graban sus respuestas cuando les conviene, incluso sin conexión; los evaluadores las ven, puntúan y deciden. Sin ninguna orden se abre la aplicación de escritorio.
cli-help-peerview-data-dir = Dónde guarda Peerview sus datos (por defecto: $XDG_DATA_HOME/peerview o ~/.local/share/peerview; %APPDATA%\Peerview en Windows, ~/Library/Application Support/Peerview en macOS).
cli-help-peerview-relay = Relays: `default` (los relays públicos de iroh), `disabled` (solo direcciones directas) o una URL.
cli-help-peerview-relay-ca = Confiar en este certificado de CA (PEM) para el relay: un relay propio cuyo certificado no firmó una autoridad pública.
cli-help-peerview-lan-discovery = Buscar y anunciar nodos de Peerview en la red local (mDNS): un nodo de oficina cuya dirección cambió se sigue encontrando por su identificador.
cli-help-gui = Abrir la aplicación de escritorio (lo predeterminado si no se indica ninguna orden).
cli-help-gui-ticket = Un ticket de invitación que abrir (candidatos).
cli-help-gui-synthetic-devices = Usar una cámara con imagen de prueba y un micrófono con tono en lugar de dispositivos reales.
cli-help-gui-bind = Dónde escucha el nodo del empleador (por defecto 0.0.0.0:47100).
cli-help-campaign = Crear, listar, mostrar y exportar campañas (empleador).
cli-help-campaign-create = Crear una campaña a partir de un archivo TOML (vea examples/campaign.toml); muestra su identificador.
cli-help-campaign-create-file = El archivo de la campaña.
cli-help-campaign-list = Listar las campañas de este nodo.
cli-help-campaign-show = Mostrar una campaña: preguntas, reglas, candidatos y el estado de sus candidaturas.
cli-help-campaign-show-id = El identificador de la campaña (basta con un comienzo único).
cli-help-campaign-export = Mostrar una campaña en formato TOML, para editarla y volver a crearla.
cli-help-campaign-export-id = El identificador de la campaña (basta con un comienzo único).
cli-help-serve = Ejecutar el nodo del empleador sin ventana: acepta candidatos y evaluadores hasta que se detiene.
cli-help-serve-bind = Dirección en la que escuchar (por defecto 0.0.0.0:47100; p. ej. 127.0.0.1:0 para pruebas).
cli-help-serve-replicate-every = En un hub (unido con un ticket `pvhub1`): segundos entre replicaciones con los demás nodos del lado del empleador.
cli-help-relay = Ejecutar su propio relay (un servidor de relay de iroh): los nodos que no pueden conectarse directamente se encuentran a través de él. Cada nodo usa entonces `--relay URL`; los tickets la llevan.
cli-help-relay-cert = Una cadena de certificados TLS (PEM) para el nombre de host del relay; junto con --key.
cli-help-relay-key = La clave privada del certificado (PEM).
cli-help-relay-acme-hostname = Obtener un certificado de Let's Encrypt para este nombre de host público (los puertos 80 y 443 deben llegar a esta máquina); se puede repetir.
cli-help-relay-acme-contact = La dirección de correo a la que Let's Encrypt puede escribir sobre el certificado.
cli-help-relay-acme-staging = Usar el servicio de pruebas de Let's Encrypt (para probar).
cli-help-relay-http-bind = Dirección HTTP simple (por defecto 0.0.0.0:3340 sin TLS, 0.0.0.0:80 con TLS).
cli-help-relay-https-bind = Dirección HTTPS, con TLS (por defecto 0.0.0.0:443).
cli-help-relay-quic-bind = Descubrimiento de direcciones QUIC, con TLS (por defecto 0.0.0.0:7842).
cli-help-invite = Invitar a un candidato a una campaña: muestra el ticket que debe enviarle.
cli-help-invite-campaign = El identificador de la campaña (basta con un comienzo único).
cli-help-invite-name = El nombre del candidato, tal como lo verán los evaluadores.
cli-help-invite-email = La dirección de correo del candidato, para sus registros.
cli-help-reviewer = Invitaciones de evaluadores.
cli-help-reviewer-invite = Invitar a un colega a evaluar una campaña: muestra su ticket.
cli-help-reviewer-invite-campaign = El identificador de la campaña (basta con un comienzo único).
cli-help-reviewer-invite-name = El nombre del evaluador.
cli-help-hub = Otros nodos del lado del empleador (un equipo de la oficina, el portátil de un colega) que guardan una copia completa y aceptan candidatos cuando este está apagado.
cli-help-hub-invite = Invitar a otro nodo del lado del empleador: muestra el ticket para unirse (`peerview join`); después, `peerview serve` allí mantiene ambos nodos al día.
cli-help-hub-invite-campaign = El identificador de la campaña (basta con un comienzo único).
cli-help-hub-invite-name = Un nombre para el nodo, p. ej. «Oficina».
cli-help-revoke = Retirar la invitación de un candidato, evaluador o hub: su equipo queda rechazado desde entonces.
cli-help-revoke-campaign = El identificador de la campaña (basta con un comienzo único).
cli-help-revoke-invitee = El identificador del candidato, evaluador o hub (vea `campaign show`).
cli-help-delete = Eliminar en todas partes la candidatura de un candidato (lado del empleador): aquí de inmediato, en los hubs y en los equipos de los evaluadores en su próxima sincronización. Desaparecen documentos, evaluaciones, grabaciones, nombre y correo; solo quedan los identificadores, para que ninguna copia sin conexión pueda volver.
cli-help-delete-candidate = El identificador del candidato (o un comienzo único), su nombre o su correo.
cli-help-delete-campaign = La campaña (identificador o comienzo), si el candidato está en varias.
cli-help-withdraw = Retirarse de una campaña (candidato): pide al lado del empleador que elimine su candidatura y sus grabaciones; `peerview status` muestra el justificante cuando está hecho.
cli-help-withdraw-campaign = El identificador de la campaña (basta con un comienzo único).
cli-help-withdraw-wait = Intentar contactar con el empleador durante estos segundos antes de dejarlo para la próxima sincronización.
cli-help-audit = El registro de auditoría de este equipo: eliminaciones, retiradas y exportaciones (solo identificadores y horas).
cli-help-message = Escribir al otro lado. Un candidato: `message CAMPAÑA "texto"` (con --extension DÍAS, o --extra-time PORCENTAJE / --extra-takes N, lo solicita). El lado del empleador: `message CANDIDATO "texto"` (identificador, nombre o correo). Sale con la próxima sincronización.
cli-help-message-target = La campaña (candidato) o el candidato (lado del empleador).
cli-help-message-text = Lo que quiere decir (en una solicitud: el motivo).
cli-help-message-extension = Candidato: pedir estos días más antes de la fecha límite.
cli-help-message-extra-time = Candidato: pedir este tiempo extra para pensar y responder, en porcentaje.
cli-help-message-extra-takes = Candidato: pedir estas tomas extra por pregunta.
cli-help-message-wait = Intentar contactar con el empleador durante estos segundos (candidato, evaluador).
cli-help-grant = Conceder la solicitud de un candidato (lado del empleador): lo pedido se añade a sus adaptaciones y se le comunica.
cli-help-grant-candidate = El identificador del candidato (o un comienzo único), su nombre o su correo.
cli-help-grant-request = El identificador de la solicitud (vea `peerview status`); solo hace falta si hay varias abiertas.
cli-help-grant-days = Conceder estos días en lugar de lo pedido (una solicitud de prórroga).
cli-help-grant-extra-time = Conceder en su lugar este tiempo extra, en porcentaje (una solicitud de adaptación).
cli-help-grant-extra-takes = Conceder en su lugar estas tomas extra (una solicitud de adaptación).
cli-help-grant-note = Algo que decir junto con la respuesta.
cli-help-decline = Rechazar la solicitud de un candidato (lado del empleador), con el motivo que leerá.
cli-help-decline-candidate = El identificador del candidato (o un comienzo único), su nombre o su correo.
cli-help-decline-request = El identificador de la solicitud (vea `peerview status`); solo hace falta si hay varias abiertas.
cli-help-decline-reason = Por qué se rechaza la solicitud; el candidato lo lee.
cli-help-join = Unirse con un ticket de invitación (candidato, evaluador o hub): descarga la campaña.
cli-help-join-ticket = El ticket, tal como lo recibió.
cli-help-answer = Guardar una respuesta (candidato): un archivo de grabación para preguntas de vídeo o audio, o texto.
cli-help-answer-campaign = El identificador de la campaña (basta con un comienzo único).
cli-help-answer-question = El identificador de la pregunta (lo muestra `join`).
cli-help-answer-file = Una toma grabada (MP4).
cli-help-answer-text = Una respuesta escrita.
cli-help-answer-record = Grabar la toma ahora (sin ventana: imagen de prueba y tono salvo que se indique otra cosa).
cli-help-answer-video = Con --record: test-pattern, camera[:ÍNDICE] o none.
cli-help-answer-audio = Con --record: tone, wav:ARCHIVO, mic[:NOMBRE] o none.
cli-help-answer-seconds = Con --record: segundos que grabar (como mucho el límite de la pregunta; por defecto el límite).
cli-help-submit = Enviar sus respuestas (candidato) al empleador.
cli-help-submit-campaign = El identificador de la campaña (basta con un comienzo único).
cli-help-submit-wait = Intentar contactar con el empleador durante estos segundos antes de desistir por ahora.
cli-help-status = El estado de las candidaturas en este equipo.
cli-help-sync = Sincronizar una vez con cada empleador al que se unió este equipo; termina al acabar.
cli-help-sync-wait = Seguir intentando con los empleadores inaccesibles durante estos segundos.
cli-help-sync-watch = Seguir en marcha: sincronizar cada 10 s (espaciando mientras el empleador no esté accesible).
cli-help-record = Grabar una toma sin ventana (scripts, pruebas): MP4 fragmentado, H.264 + Opus.
cli-help-record-video = test-pattern, camera[:ÍNDICE] o none.
cli-help-record-audio = tone, wav:ARCHIVO, mic[:NOMBRE] o none.
cli-help-record-size = Tamaño de imagen, p. ej. 1280x720.
cli-help-record-fps = Imágenes por segundo.
cli-help-record-seconds = Duración de la toma, en segundos.
cli-help-record-out = El archivo MP4 que se escribe.
cli-help-devices = Listar las cámaras y micrófonos con los que se puede grabar una toma.
cli-help-play = Reproducir una grabación (MP4) por los altavoces, desde la línea de comandos.
cli-help-play-file = La grabación que reproducir (MP4).
cli-help-play-speed = Velocidad de reproducción: 1, 1,5 o 2 (la voz conserva su tono).
cli-help-play-from = Empezar a estos segundos del comienzo.
cli-help-play-device = Un dispositivo de salida por su nombre (por defecto: el del sistema).
cli-help-export = Exportar una candidatura para alguien sin Peerview: cada respuesta como MP4 estándar, más summary.json y summary.md.
cli-help-export-submission = Un identificador de candidato (o un comienzo único), el nombre de un candidato o (candidatos) un identificador de campaña.
cli-help-export-dir = La carpeta en la que escribir (se crea si hace falta).
cli-help-review = Evaluar una candidatura (empleador, o un evaluador que se unió): puntuar, comentar, decidir; muestra la evaluación de cada evaluador. Los cambios de un evaluador viajan con el próximo `peerview sync`.
cli-help-review-submission = Un identificador de candidato (o un comienzo único) o el nombre de un candidato.
cli-help-review-scores = Una puntuación, CRITERIO=1..5 (se puede repetir).
cli-help-review-submit-scores = Entregar su hoja de evaluación (entonces verá las puntuaciones de los demás evaluadores).
cli-help-review-comment = Un comentario sobre una respuesta.
cli-help-review-question = La pregunta a la que se refiere el comentario (por defecto: la primera).
cli-help-review-at = El momento de la respuesta al que se refiere el comentario, en segundos.
cli-help-review-decide = Decidir: advance, hold o reject (el candidato lo ve).
cli-help-review-message = Un mensaje al candidato junto con la decisión.
cli-help-export-recording = Copiar una grabación (por su hash BLAKE3) del almacén de este equipo a un archivo.
cli-help-export-recording-hash = El hash de la grabación, tal como figura en la candidatura.
cli-help-export-recording-out = El archivo que se escribe.
cli-help-flag-help = Mostrar la ayuda
cli-help-flag-help-more = Mostrar la ayuda (más con '--help')
cli-help-flag-help-summary = Mostrar la ayuda (un resumen con '-h')
cli-help-flag-version = Mostrar la versión
cli-help-subcommand-help = Mostrar este mensaje o la ayuda de la orden indicada
cli-help-subcommand-help-args = Mostrar la ayuda de esta orden

## Argumentos que se comprueban antes de ejecutar una orden.

cli-size-syntax = { $value }: indique ANCHOxALTO, p. ej. 1280x720
cli-size-bad-width = La anchura en { $value } no es un número.
cli-size-bad-height = La altura en { $value } no es un número.
cli-size-range = { $value }: la anchura y la altura deben ser pares, de 16x16 a 3840x2160.
cli-video-choice = «{ $value }»: indique test-pattern, camera, camera:ÍNDICE o none.
cli-audio-choice = «{ $value }»: indique tone, wav:ARCHIVO, mic, mic:NOMBRE o none.

## Todas las órdenes: el resultado, el directorio de datos, los archivos.

cli-error = error: { $error }
cli-not-sent = no enviado: { $error }
cli-warning = aviso: { $warning }
cli-data-dir-error = el directorio de datos { $dir }: { $error }
cli-no-data-dir = no se sabe dónde guardar los datos de Peerview: { $variable } no está definida; indique --data-dir DIRECTORIO
cli-store-problem-moved = aviso: { $file } está dañado ({ $reason }); se movió a { $moved_to } y el resto del almacén se puede usar
cli-store-problem-kept = aviso: { $file } está dañado ({ $reason }); no se pudo apartar
cli-reading-file = leyendo { $file }
cli-writing-file = escribiendo { $file }
cli-saving-file = guardando { $file }
cli-opening-file = abriendo { $file }
cli-wrote = Escrito { $file }
cli-wrote-bytes = Escrito { $file } ({ $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
}).
cli-settings-damaged = { $file } está dañado; corríjalo o elimínelo
cli-settings-writing = escribiendo la configuración
cli-starting-runtime = iniciando el entorno de ejecución asíncrono

## peerview campaign create|list|show|export y el archivo de campaña.

cli-saving-campaign = guardando la campaña
cli-campaign-created = Campaña «{ $title }» creada con { $questions ->
    [one] 1 pregunta
   *[other] { $questions } preguntas
}, fecha límite { $deadline }.
cli-campaign-list-empty = Aún no hay campañas. Cree una con: peerview campaign create --file campaign.toml
cli-campaign-list-id = ID
cli-campaign-list-title = TÍTULO
cli-campaign-list-questions = PREGUNTAS
cli-campaign-list-candidates = CANDIDATOS
cli-campaign-list-deadline = FECHA LÍMITE
cli-campaign-unreadable = (ilegible: { $error })
cli-campaign-show-heading = Campaña { $id }: { $title }
cli-campaign-show-role = Puesto
cli-campaign-show-deadline = Fecha límite
cli-campaign-show-created = Creada
cli-campaign-show-scorecard = Hoja de evaluación
cli-campaign-show-instructions = Instrucciones:
cli-campaign-show-practice = Pregunta de práctica (nunca cuenta): { $rules }
cli-campaign-show-questions = Preguntas:
cli-campaign-show-your-submission = Su candidatura: { $state } ({ $answered } de { $questions } respondidas)
cli-campaign-show-candidates = Candidatos ({ $count }):
cli-campaign-show-none-invited = todavía no hay nadie invitado
cli-campaign-show-unreadable = ilegible ({ $error })
cli-campaign-show-candidate = { $id }  { $who }: { $state }
cli-campaign-show-candidate-invite = { $id }  { $who }: { $state }, invitación { $invite }
cli-campaign-show-reviewers = Evaluadores ({ $count }):
cli-campaign-show-hubs = Nodos del lado del empleador ({ $count }):
cli-campaign-show-hub-at = { $state }, en { $addresses }
cli-campaign-exported-from = Campaña de Peerview, exportada de la campaña { $id }
cli-campaign-file-syntax = { $file }: { $error }
cli-campaign-file-field = { $file }:{ $line }: campo `{ $field }`: { $problem }
cli-campaign-file-empty = no puede estar vacío
cli-campaign-file-no-questions = { $file }: una campaña necesita al menos una [[question]]
cli-campaign-file-criteria = indique al menos un criterio, ninguno vacío
cli-campaign-file-retention = entre 1 y { $max } días (omítalo para conservar las candidaturas hasta que se eliminen)
cli-campaign-file-language = «{ $language }» no es un idioma que Peerview hable; uno de { $known }
cli-campaign-file-time-zone = «{ $zone }» no es una zona horaria que conozca este equipo; un nombre IANA como "Europe/Madrid"
cli-campaign-file-practice-reserved = { $file }: `{ $field }.id`: "practice" está reservado para la pregunta de práctica [practice]
cli-campaign-file-duplicate-id = { $file }: `{ $field }.id`: el identificador «{ $id }» se usa dos veces
cli-campaign-file-practice-id = { $file }: `practice.id`: omítalo (el identificador de la pregunta de práctica es siempre "practice")
cli-campaign-file-answer-limit = { $limit } está fuera de rango: las respuestas grabadas duran de 5 a { $max } segundos (respuestas escritas: 0 para no poner límite)
cli-campaign-file-think = como mucho { $max } segundos
cli-campaign-file-takes = { $takes } está fuera de rango: de 1 a { $max }
cli-campaign-file-date-and-time = { $value } necesita una fecha y una hora, p. ej. 2026-12-15T17:00:00Z
cli-campaign-file-deadline-zone = { $value } necesita una zona horaria, p. ej. { $value }Z para UTC o { $value }+01:00

## serve, relay, invite, revoke.

cli-serve-node = Nodo del empleador de Peerview { $id }
cli-serve-listening = escuchando en { $address }
cli-serve-relay = accesible a través del relay { $relay }
cli-serve-lan = anunciado en la red local (mDNS), para que los candidatos de esa red lo encuentren por su identificador
cli-serve-ready = Listo. Invite a candidatos con: peerview invite CAMPAÑA --name NOMBRE
cli-relay-running = Relay de Peerview en marcha
cli-relay-listening = { $what } en { $address }
cli-relay-plain = HTTP simple, sin TLS: para una red local o una prueba. Los nodos usan: --relay http://ESTE-EQUIPO:{ $port }
cli-relay-plain-internet = Para internet, dele un certificado (--cert/--key) o un nombre de host (--acme-hostname).
cli-relay-files = Los nodos usan: --relay https://NOMBRE-DE-HOST-DEL-CERTIFICADO
cli-relay-acme = Los nodos usan: --relay https://{ $hostname }
cli-invite-no-node = este directorio de datos nunca ha ejecutado el nodo del empleador, así que un ticket no puede indicar a dónde conectarse: inicie primero `peerview serve`
cli-invited = Invitación creada para { $name }. Envíele este ticket; funciona una vez, en un solo equipo.{ $nodes ->
    [one] {""}
   *[other] { " " }Indica { $nodes } nodos del lado del empleador; sirve cualquiera que esté accesible.
}
cli-invite-link = Como enlace que abre Peerview con la invitación: { $link }
cli-invite-reviewer = Ticket de evaluador para { $name } (funciona una vez, en un solo equipo).{ $nodes ->
    [one] {""}
   *[other] { " " }Indica { $nodes } nodos del lado del empleador; sirve cualquiera que esté accesible.
}
cli-invite-hub = Ticket para el nodo del lado del empleador { $name } (funciona una vez, en un solo equipo, en un plazo de 24 horas). En ese equipo ejecute
      peerview join TICKET
    y después `peerview serve` allí mantiene ambos nodos al día:
cli-revoked = Se retiró la invitación de { $name }: su equipo queda rechazado a partir de ahora.

## join, answer, submit, sync, status.

cli-join-bad-ticket = No se puede usar este ticket: { $reason }
cli-join-hub = Este equipo es ahora un nodo del lado del empleador de { $title }: { $documents ->
    [one] 1 documento copiado
   *[other] { $documents } documentos copiados
} y { $recordings ->
    [one] 1 grabación copiada
   *[other] { $recordings } grabaciones copiadas
}.
cli-join-hub-serve = Ejecute `peerview serve` aquí para aceptar candidatos y evaluadores y mantener ambos nodos al día; los tickets emitidos después indican también este nodo.
cli-joined = Unido: { $title } ({ $role })
cli-joined-deadline = Fecha límite: { $deadline }
cli-joined-practice = Práctica (nunca cuenta): { $rules }
cli-joined-questions = Preguntas:
cli-joined-answer-with = Responda con: peerview answer { $campaign } ID_PREGUNTA (--file TOMA.mp4 | --text "...")
cli-joined-reviewer = Unido como evaluador de { $title }: { $documents ->
    [one] 1 documento sincronizado
   *[other] { $documents } documentos sincronizados
}.
cli-recordings-downloaded = { $count ->
    [one] 1 grabación descargada.
   *[other] { $count } grabaciones descargadas.
}
cli-recordings-not-downloaded = Grabaciones aún no descargadas: { $error }
cli-not-joined = este equipo no se ha unido a la campaña { $campaign }: use primero `peerview join TICKET`
cli-several-campaigns = «{ $campaign }» coincide con varias campañas; escriba más parte del identificador
cli-only-candidates-answer = solo los candidatos responden preguntas
cli-only-candidates-submit = solo los candidatos envían respuestas
cli-no-such-question = no hay ninguna pregunta { $question } en esta campaña
cli-no-such-question-list = no hay ninguna pregunta { $question } en esta campaña (preguntas: { $questions })
cli-answer-too-long = la pregunta { $question } admite respuestas de como mucho { $limit } s
cli-recording = Grabando { $secs } s...
cli-answer-needs-text = la pregunta { $question } pide una respuesta escrita: use --text "..."
cli-answer-needs-file = la pregunta { $question } pide una respuesta en { $kind }: use --file TOMA.mp4
cli-answer-file-or-text = indique exactamente uno de --file o --text
cli-answer-saved = Su respuesta a { $question } está guardada. Envíe todas las respuestas con: peerview submit { $campaign }
cli-answer-refused = no guardada: { $reason }
cli-not-a-recording = { $file } no es una grabación que Peerview pueda leer: { $error }
cli-no-video-track = { $file } no tiene pista de vídeo, y esta pregunta pide una respuesta en vídeo
cli-recording-changed = la grabación cambió mientras se guardaba; inténtelo de nuevo
cli-fragment-changed = el fragmento { $index } cambió en el disco
cli-submit-unanswered = responda a todas las preguntas antes de enviar; sin responder todavía: { $questions }
cli-submit-deadline-passed = la fecha límite ({ $deadline }) ya pasó; póngase en contacto con el empleador
cli-submitted-sending = Enviado. Transmitiendo al empleador...
cli-retrying = Nuevo intento en { $secs } s...
cli-not-sent-try-again = { $reason }. Ejecute `peerview sync` para volver a intentarlo.
cli-sync-nothing = Nada que sincronizar: este equipo no se ha unido a ninguna campaña.
cli-sync-failures = { $failed } de { $total ->
    [one] 1 campaña
   *[other] { $total } campañas
} sin sincronizar
cli-status-not-joined = Este equipo aún no se ha unido a ninguna campaña (peerview join TICKET).
cli-status-last-reached = último contacto con el empleador: { $date }, { $path }
cli-status-not-synced = { $title }: aún sin sincronizar
cli-status-not-started = sin empezar
cli-status-in-progress = en curso, { $answers ->
    [one] 1 respuesta guardada
   *[other] { $answers } respuestas guardadas
} aquí
cli-status-in-progress-sending = en curso, { $answers ->
    [one] 1 respuesta guardada
   *[other] { $answers } respuestas guardadas
} aquí ({ $percent } % de las grabaciones ya enviado)
cli-status-submitted-all-sent = enviada, todo transmitido; esperando el acuse de recibo del empleador
cli-status-submitted-waiting = enviada, { $size } de grabaciones esperan para enviarse (salen cuando el empleador esté accesible)
cli-status-submitted-uploading = enviada, subiendo { $percent } % ({ $sent } de { $total } enviados)
cli-status-submitted = enviada, esperando a que el empleador la reciba
cli-status-received = recibida por el empleador
cli-status-viewed = vista por el empleador
cli-status-decided = decidida: { $verdict }
cli-status-withdrawn = retirada; la solicitud de eliminación llega al empleador con la próxima sincronización
cli-status-deleted = eliminada por el lado del empleador
cli-status-reviewer = { $title }: evaluador
cli-status-hub = { $title }: nodo del lado del empleador (copia)
cli-status-messages = mensajes:
cli-status-open-requests = solicitudes abiertas: { $count }
cli-status-conversation = { $campaign }: { $name } ({ $id }): { $messages ->
    [one] 1 mensaje
   *[other] { $messages } mensajes
}, { $unread ->
    [one] 1 sin leer
   *[other] { $unread } sin leer
}, { $open ->
    [one] 1 solicitud abierta
   *[other] { $open } solicitudes abiertas
}

## message, grant, decline, delete, withdraw, audit.

cli-message-kept-sending = Mensaje guardado en este equipo; enviándolo al empleador...
cli-message-only-candidates-ask = solo un candidato pide más tiempo o una adaptación (¿es «{ $target }» una campaña a la que se ha unido?)
cli-message-kept = Mensaje para { $name } guardado; lo recibe en su próxima sincronización.
cli-request-granted = Se concedió la solicitud de { $name } ({ $what }); se le comunica en su próxima sincronización.
cli-request-declined = Se rechazó la solicitud de { $name } ({ $what }); se le comunica en su próxima sincronización.
cli-delete-already = La candidatura de { $id } ya estaba eliminada ({ $date }).
cli-delete-done = Candidatura de { $name } ({ $id }) eliminada: documentos, evaluaciones, nombre y correo han desaparecido de este equipo.
cli-delete-recordings-removed = { $count ->
    [one] 1 grabación eliminada del almacén de grabaciones.
   *[other] { $count } grabaciones eliminadas del almacén de grabaciones.
}
cli-delete-recordings-later = Las grabaciones se eliminarán cuando el nodo en marcha vuelva a arrancar (no respondió).
cli-delete-copies = Los hubs y los evaluadores eliminan sus copias en su próxima sincronización; solo quedan los identificadores, para que ninguna copia vuelva.
cli-withdrawn = Retirada. Se pide al empleador que elimine su candidatura y sus grabaciones...
cli-audit-empty = Nada en el registro de auditoría: ninguna eliminación, retirada ni exportación en este equipo.
cli-audit-delete = eliminación
cli-audit-purge = purga
cli-audit-withdrawal = retirada
cli-audit-export = exportación
cli-audit-line = campaña { $campaign }  candidato { $candidate }  por { $by }
cli-audit-unreadable = { $count ->
    [one] No se pudo leer 1 línea del registro de auditoría.
   *[other] No se pudieron leer { $count } líneas del registro de auditoría.
}

## review, export, play, record, devices.

cli-review-score-syntax = --score «{ $value }»: escríbalo como CRITERIO=PUNTUACIÓN, p. ej. Communication=4
cli-review-no-criterion = «{ $criterion }» no es un criterio de esta campaña ({ $criteria })
cli-review-score-number = --score «{ $value }»: la puntuación es un número del 1 al 5
cli-review-no-questions = la campaña no tiene preguntas
cli-review-decide-syntax = --decide «{ $value }»: use advance, hold o reject
cli-review-recommended = Recomendación: { $verdict }. El empleador comunica la decisión al candidato.
cli-review-employer = Empleador
cli-review-score = { $criterion }: { $score }/5
cli-review-scores-hidden = puntuaciones ocultas hasta que entregue las suyas (--submit-scores)
cli-review-decision = decisión: { $verdict }
cli-review-decision-note = decisión: { $verdict } ({ $note })
cli-submission-ambiguous-id = «{ $query }» coincide con { $count } candidaturas; indique más parte del identificador
cli-submission-ambiguous-name = { $count } candidaturas son de candidatos llamados «{ $query }»; use el identificador del candidato
cli-no-submission = ninguna candidatura coincide con «{ $query }» (use un identificador de candidato de `peerview campaign show`, el nombre de un candidato o un identificador de campaña)
cli-reading-submission = leyendo la candidatura
cli-reading-campaign = leyendo la campaña
cli-export-converting = convirtiendo la respuesta a { $question }
cli-export-missing = { $count ->
    [one] 1 grabación aún no está
   *[other] { $count } grabaciones aún no están
} en este equipo ({ $questions }); ejecute `peerview sync` y vuelva a exportar
cli-export-md-role = Puesto: { $role }
cli-export-md-state = Estado: { $state }
cli-export-md-submitted = Enviada: { $at }
cli-export-md-deadline = Fecha límite: { $deadline }
cli-export-md-no-answer = Sin respuesta.
cli-export-md-recording = [{ $file }]({ $file }) — { $secs } s, toma { $take }
cli-export-md-recording-missing = Grabación ({ $secs } s) aún no disponible en este equipo.
cli-export-md-timeline = Cronología
cli-export-md-reviews = Evaluaciones
cli-export-md-reviewer = evaluador
cli-export-md-score = { $criterion }: { $score }/5
cli-export-md-comment = { $question } en { $at }: { $text }
cli-export-md-decision = Decisión: { $verdict }
cli-play-video = { $file }: { $secs } s, vídeo { $size }
cli-play-video-sound = { $file }: { $secs } s, vídeo { $size } con sonido
cli-play-sound-only = { $file }: { $secs } s, solo sonido
cli-play-damaged = aviso: { $problem }; se reproduce lo que se puede leer
cli-play-note = nota: { $note }
cli-play-done = Reproducido hasta el final ({ $secs } s): { $shown ->
    [one] 1 imagen mostrada
   *[other] { $shown } imágenes mostradas
}, { $dropped ->
    [one] 1 descartada por llegar tarde
   *[other] { $dropped } descartadas por llegar tarde
}.
cli-record-seconds-range = --seconds debe estar entre 0,1 y 3600
cli-record-fragment = fragmento { $index } escrito ({ $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
})
cli-record-done = Grabado { $file } ({ $secs } s, { $bytes ->
    [one] 1 byte
   *[other] { $bytes } bytes
}, { $fragments ->
    [one] 1 fragmento
   *[other] { $fragments } fragmentos
}, BLAKE3 { $hash })
cli-devices-cameras = Cámaras:
cli-devices-no-camera = no se encontró ninguna (las respuestas solo de audio siguen funcionando; use --video test-pattern para probar la grabación)
cli-devices-microphones = Micrófonos:
cli-devices-no-microphone = no se encontró ninguno: conecte uno o compruebe que ningún otro programa lo esté usando
cli-devices-default = (predeterminado)

## El correo de invitación (en el idioma de la campaña si tiene uno).

cli-mail-subject = Entrevista en vídeo: { $title }
cli-mail-greeting = Hola, { $name }:
cli-mail-intro = Le invitamos a una entrevista en vídeo diferida para { $role } ({ $title }). Usted graba sus respuestas en su propio equipo, cuando le convenga, hasta el { $deadline }. Puede prepararse sin conexión; las respuestas se envían cuando usted las entrega.
cli-mail-instructions-cut = { $instructions }... (el resto está en Peerview)
cli-mail-get-peerview = Instale primero Peerview (gratuito, para Windows y Linux): su contacto en la empresa le envía el instalador o le indica dónde descargarlo. En Windows es peerview-windows-x64-setup.exe; en Debian o Ubuntu, el paquete .deb peerview.
cli-mail-step-install = 1. { $get_peerview }
cli-mail-step-link = 2. Abra su enlace de invitación:
cli-mail-paste-ticket = Si el enlace no abre Peerview, abra Peerview, elija «Abrir una invitación» y pegue este ticket:
cli-mail-one-computer = La invitación es solo para usted y funciona en un único equipo: el primero que la abra.
cli-mail-file-name = Invitación { $name }
cli-mail-file-someone = candidato

## Las operaciones que comparten la línea de comandos y la aplicación (ops/).

ops-opening-data-dir = abriendo el directorio de datos { $dir }
ops-creating-dir = creando { $dir }
ops-writing-file = escribiendo { $file }
ops-verdict-advance = siguiente fase
ops-verdict-hold = en espera
ops-verdict-reject = rechazo
ops-state-not-started = sin empezar
ops-state-in-progress = en curso
ops-state-submitted = enviada
ops-state-received = recibida
ops-state-viewed = vista
ops-state-decided = decidida: { $verdict }
ops-state-withdrawn = retirada
ops-state-deleted = eliminada
ops-invite-invited = invitado
ops-invite-joined = unido
ops-invite-revoked = retirada
ops-invite-deleted = eliminado
ops-deletion-by-employer = eliminada por el empleador
ops-deletion-withdrawn = retirada a petición del candidato
ops-deletion-retention = terminó el plazo de conservación
ops-event-answered = respondida { $question }
ops-event-submitted = enviada
ops-event-received = recibida
ops-event-viewed = vista
ops-event-decision = decisión: { $verdict }
ops-event-decision-message = decisión: { $verdict } — { $message }
ops-event-withdrawal-requested = se retiró y pidió que se eliminara la candidatura
ops-event-deleted = justificante de eliminación: el lado del empleador eliminó la candidatura y sus grabaciones ({ $reason })
ops-deleted-on = el lado del empleador eliminó esta candidatura y sus grabaciones ({ $reason }) el { $date }
ops-client-unreachable = no se pudo contactar con el empleador ({ $detail }); todo se guarda en este equipo y se enviará cuando el empleador esté accesible
ops-client-refused = el empleador lo rechazó: { $reason }
ops-client-wire = comunicándose con el empleador: { $error }
ops-client-interrupted = la transferencia se interrumpió ({ $detail }); la próxima vez se reanuda donde se quedó
ops-client-busy = el empleador está ocupado con muchas conexiones a la vez; inténtelo de nuevo en un momento
ops-ticket-not-a-ticket = esto no es un ticket de invitación de Peerview (debería empezar por "pvinvite1", "pvreview1" o "pvhub1", o ser un enlace "peerview:join/...")
ops-ticket-bad-characters = el ticket contiene caracteres que no pueden formar parte de un ticket; cópielo de nuevo, completo
ops-ticket-damaged = el ticket está dañado o incompleto (su suma de comprobación no coincide); cópielo de nuevo, completo
ops-ticket-unsupported = el ticket es de una versión más reciente de Peerview; actualice Peerview para usarlo
ops-exchanged-candidate = { $documents ->
    [one] 1 documento sincronizado
   *[other] { $documents } documentos sincronizados
} ({ $changed ->
    [one] 1 modificado
   *[other] { $changed } modificados
})
ops-exchanged-candidate-offered = { $documents ->
    [one] 1 documento sincronizado
   *[other] { $documents } documentos sincronizados
} ({ $changed ->
    [one] 1 modificado
   *[other] { $changed } modificados
}); grabaciones ofrecidas
ops-exchanged-reviewer = { $documents ->
    [one] 1 documento sincronizado
   *[other] { $documents } documentos sincronizados
} ({ $changed ->
    [one] 1 modificado
   *[other] { $changed } modificados
}), { $recordings ->
    [one] 1 grabación descargada
   *[other] { $recordings } grabaciones descargadas
}
ops-exchanged-hub = replicado ({ $changed ->
    [one] 1 documento modificado
   *[other] { $changed } documentos modificados
}, { $recordings ->
    [one] 1 grabación copiada
   *[other] { $recordings } grabaciones copiadas
})
ops-which-candidate = indique qué candidato: su identificador (vea `peerview campaign show`), su nombre o su correo
ops-no-such-candidate = aquí no hay ningún candidato «{ $who }» (pruebe con su identificador de `peerview campaign show`)
ops-several-candidates = «{ $who }» coincide con varios candidatos ({ $ids }); use el identificador
ops-campaign-not-here = la campaña { $campaign } no está en este equipo
ops-only-employer-deletes = solo el lado del empleador (el nodo del empleador o un hub) elimina candidaturas; como evaluador, pídaselo al empleador
ops-only-candidate-withdraws = solo un candidato se retira (esta es la invitación de un evaluador o de un nodo del lado del empleador)
ops-withdraw-sync-first = { $error } (sincronice una vez antes de retirarse)
ops-already-deleted = el lado del empleador ya eliminó esta candidatura
ops-request-extension = { $days ->
    [one] 1 día más
   *[other] { $days } días más
} antes de la fecha límite
ops-request-takes = { $takes ->
    [one] 1 toma más
   *[other] { $takes } tomas más
} por pregunta
ops-request-time = un { $percent } % más de tiempo para pensar y responder
ops-request-time-and-takes = un { $percent } % más de tiempo y { $takes ->
    [one] 1 toma más
   *[other] { $takes } tomas más
} por pregunta
ops-the-request = la solicitud
ops-not-a-candidate = este equipo no es candidato en esa campaña
ops-message-submission-deleted = el lado del empleador eliminó esta candidatura; ya no hay nadie a quien escribir
ops-message-not-sent = no enviado: { $reason }
ops-keeping-message = guardando su mensaje
ops-reviewers-may-not-write = los evaluadores de esta campaña leen la conversación; el empleador decide si pueden escribir
ops-employer-answers-requests = las solicitudes las responde el empleador
ops-no-open-request = no hay ninguna solicitud abierta { $id }
ops-no-open-requests = no hay ninguna solicitud abierta
ops-several-open-requests = hay varias solicitudes abiertas; indique cuál (sus identificadores están en `peerview status`)
ops-decline-needs-reason = indique por qué se rechaza la solicitud: el candidato lo lee
ops-not-a-request = no es una solicitud
ops-grant-same-kind = la solicitud pide { $asked }; conceda ese tipo
ops-granted-note = Concedido: { $what }
ops-granted-note-with = Concedido: { $what }. { $note }
ops-message-too-long = un mensaje tiene como mucho { $max } caracteres (este tiene { $chars })
ops-message-empty = el mensaje está vacío
ops-message-extension-range = una prórroga es de 1 a { $max } días
ops-message-accommodation-range = una adaptación es de hasta un { $percent } % más de tiempo y hasta { $takes } tomas más
ops-message-all-sent = ya ha enviado los { $max } mensajes que permite una candidatura
ops-message-day-budget = ha enviado { $max } mensajes en las últimas 24 horas; espere una respuesta, por favor
ops-message-malformed = no se puede enviar el mensaje: { $reason }
ops-thread-line = { $at }  { $who }: { $text }
ops-thread-candidate = candidato
ops-thread-employer = el empleador
ops-thread-request-open = SOLICITUD { $what } [{ $id }]: { $reason } (abierta)
ops-thread-request-granted = SOLICITUD { $what } [{ $id }]: { $reason } (concedida)
ops-thread-request-declined = SOLICITUD { $what } [{ $id }]: { $reason } (rechazada)
ops-thread-granted = CONCEDIDO: { $what }
ops-thread-granted-note = CONCEDIDO: { $what } — { $note }
ops-thread-declined = RECHAZADO: { $what }
ops-thread-declined-note = RECHAZADO: { $what } — { $note }
ops-node-address-not-saved = no se pudo guardar la dirección del nodo para las invitaciones: { $error }
ops-node-shutting-down = deteniéndose: { $error }
ops-recordings-no-hash = el nodo en marcha guardó la grabación pero no indicó su hash
ops-local-another-peerview = otro Peerview responde en { $path }
ops-local-removing-stale = eliminando el { $path } abandonado
ops-local-listening = escuchando en { $path } (la ruta de un socket Unix está limitada a unos 100 bytes)
ops-local-making-private = haciendo privado { $path }
ops-local-listening-pipe = escuchando en la tubería con nombre { $path }
ops-local-request-too-long = una petición tiene como mucho { $max } bytes
ops-local-not-a-request = no es una petición que este nodo entienda: { $error }
ops-local-not-an-app = el Peerview que se ejecuta en este directorio de datos no muestra las pantallas del candidato (es `peerview serve`, o la aplicación como empleador o evaluador); pegue allí la invitación, o deténgalo y vuelva a abrir el enlace
ops-local-export-not-absolute = el destino de la exportación debe ser una ruta absoluta
ops-local-add-not-absolute = la ruta de la grabación debe ser absoluta
ops-local-storing = guardando { $path }: { $error }
ops-local-asking = preguntando al nodo en marcha
ops-local-no-answer = el nodo en marcha no respondió en { $minutes ->
    [one] 1 minuto
   *[other] { $minutes } minutos
}
ops-local-reading-answer = leyendo la respuesta del nodo en marcha
ops-local-closed = el nodo en marcha cerró la conexión sin responder
ops-local-not-understood = no se entiende la respuesta del nodo en marcha: { $error }
ops-local-handing-over = pasando la invitación al Peerview abierto
ops-local-reading-app-answer = leyendo la respuesta del Peerview abierto
ops-local-app-closed = el Peerview abierto cerró la conexión sin responder
ops-local-app-not-understood = no se entiende la respuesta del Peerview abierto: { $error }
ops-relay-stopping = deteniendo el relay: { $error }
ops-relay-stopped = el relay se detuvo: { $error }
ops-relay-tls-versions = versiones del protocolo TLS
ops-relay-reading-cert = leyendo el certificado { $file }
ops-relay-not-pem = { $file } no es una cadena de certificados PEM
ops-relay-no-cert = { $file } no contiene ningún certificado
ops-relay-reading-key = leyendo la clave privada { $file } (PEM)
ops-relay-key-mismatch = el certificado y la clave no coinciden
ops-relay-acme-needs-hostname = Let's Encrypt necesita el nombre de host público del relay
ops-relay-starting = iniciando el relay: { $error }
ops-relay-http = http
ops-relay-http-captive = http (comprobación de portal cautivo)
ops-relay-https = https
ops-relay-quic = descubrimiento de direcciones QUIC
ops-take-recovered = Toma interrumpida recuperada: { $file } ({ $bytes ->
    [one] 1 byte conservado
   *[other] { $bytes } bytes conservados
}, reproducible)
ops-take-nothing-playable = una toma interrumpida en { $dir } aún no tenía nada reproducible
ops-take-not-repaired = no se pudo reparar la toma interrumpida en { $dir }: { $error }
