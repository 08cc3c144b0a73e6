common-date-time = { $day }/{ $month }/{ $year } { $time } { $zone }
common-deadline-two-zones = { $there } ({ $here } donde está usted)
common-now = ahora
common-in-minutes = { $n ->
    [one] en 1 minuto
   *[other] en { $n } minutos
}
common-in-hours = { $n ->
    [one] en 1 hora
   *[other] en { $n } horas
}
common-in-days = { $n ->
    [one] en 1 día
   *[other] en { $n } días
}
common-minutes-ago = { $n ->
    [one] hace 1 minuto
   *[other] hace { $n } minutos
}
common-hours-ago = { $n ->
    [one] hace 1 hora
   *[other] hace { $n } horas
}
common-days-ago = { $n ->
    [one] hace 1 día
   *[other] hace { $n } días
}
common-minutes = { $count ->
    [one] 1 minuto
   *[other] { $count } minutos
}
common-megabytes = { $mb } MB
common-secs = { $s } s
common-mins = { $m } min
common-mins-secs = { $m } min { $s } s
common-kind-video = vídeo
common-kind-audio = audio
common-kind-text = texto
common-rules-text-unlimited = texto · reflexión { $think } · sin límite de tiempo
common-rules-text = texto · reflexión { $think } · escribir en { $limit }
common-rules-recording = { $kind } · reflexión { $think } · respuesta de hasta { $limit } · { $takes ->
    [one] 1 toma
   *[other] { $takes } tomas
}
common-language = Idioma

app-settings-not-saved = No se pudo guardar su configuración: { $error }
app-dismiss = Cerrar
app-theme = Tema
app-theme-hint = Cambiar entre claro y oscuro
app-change-role = Cambiar de rol
app-language-system = Sistema ({ $language })
app-role-candidate = Candidato/a
app-role-employer = Empleador
app-role-reviewer = Evaluador/a
app-welcome = Bienvenido a Peerview
app-welcome-question = ¿Cómo usará Peerview en este ordenador? Puede cambiarlo más adelante.
app-choose-candidate = Soy candidato/a
app-choose-candidate-detail = Abrir una invitación a una entrevista y grabar sus respuestas, incluso sin conexión.
app-choose-employer = Estoy contratando
app-choose-employer-detail = Crear entrevistas, invitar a candidatos y revisar sus respuestas.
app-choose-reviewer = Evalúo para un empleador
app-choose-reviewer-detail = Ver, puntuar y comentar las respuestas de los candidatos.
app-invite-handed-over = La invitación se abrió en la ventana de Peerview que ya está abierta.
app-no-display = La ventana de Peerview necesita una pantalla gráfica y no se encontró ninguna (no está definida ni DISPLAY ni WAYLAND_DISPLAY).
    En un servidor, ejecute en su lugar el nodo del empleador sin ventana: `peerview serve`; `peerview --help` muestra todos los comandos.
app-window-failed = No se pudo abrir la ventana de Peerview: { $error }
    La ventana necesita una pantalla gráfica (DISPLAY o WAYLAND_DISPLAY).
    En un servidor, ejecute en su lugar `peerview serve`; `peerview --help` muestra todos los comandos.

ui-waiting-for-picture = Esperando la imagen...
ui-mic-level = Nivel del micrófono
ui-mic-too-quiet = ¿demasiado bajo? hable más alto o acérquese
ui-mic-good = bien
ui-cannot-play = no se puede reproducir { $file }: { $error }
ui-sound-only = { $label } (solo sonido)
ui-play = Reproducir
ui-pause = Pausa
ui-seek = Posición
ui-speed = Velocidad
ui-speed-value = { $speed }x
ui-test-pattern = Patrón de prueba
ui-test-tone = Tono de prueba
ui-quiet-test-tone = Tono de prueba suave
a11y-think-started = Tiempo para pensar. La grabación empieza en { $duration }.
a11y-recording-started = Grabando. Tiene { $duration }.
a11y-writing-started = Escribiendo. Tiene { $duration }.
a11y-think-left = La grabación empieza en { $seconds } segundos
a11y-time-left = Quedan { $seconds } segundos
