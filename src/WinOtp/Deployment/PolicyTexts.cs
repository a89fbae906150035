using System;
using System.Collections.Generic;
using SecureMFA.WinOtp.Settings;

namespace SecureMFA.WinOtp.Deployment
{
    /// <summary>
    /// The Group Policy editor's texts per language. English is the catalogue's own (<see cref="Setting.Title"/>,
    /// <see cref="Setting.Description"/>); the other languages translate them here by value name. A setting added to the
    /// catalogue must be translated here in every language too (PolicyTemplateTests fails otherwise); were one missing, its
    /// English text would show in that language (the ADML still has every string id).
    /// </summary>
    public sealed class PolicyTexts
    {
        private readonly Dictionary<string, (string Title, string Description)> _settings;

        private PolicyTexts(string supportedOn, string fileDescription, string notConfigured, string disabled, Dictionary<string, (string, string)> settings)
        {
            (SupportedOn, FileDescription, NotConfigured, Disabled, _settings) = (supportedOn, fileDescription, notConfigured, disabled, settings);
        }

        public string SupportedOn { get; }
        public string FileDescription { get; }
        public string NotConfigured { get; }
        /// <summary>For an on/off policy: Disabled is a value too (0), and it wins like Enabled (1).</summary>
        public string Disabled { get; }

        public (string Title, string Description) Setting(Setting setting) =>
            _settings.TryGetValue(setting.ValueName, out var text) ? text : (setting.Title, setting.Description);

        /// <summary>Whether this language translates the setting (the English file always does).</summary>
        public bool Translates(Setting setting) => _settings.ContainsKey(setting.ValueName);

        public static PolicyTexts For(string language) => language switch
        {
            "en-US" => English,
            "fr-FR" => French,
            "de-DE" => German,
            "es-ES" => Spanish,
            "nl-NL" => Dutch,
            _ => throw new ArgumentException($"No policy texts for {language}.", nameof(language)),
        };

        private static readonly PolicyTexts English = new PolicyTexts(
            "Windows 10 / Windows Server 2016 or later (x64) with SecureMFA WIN OTP",
            "SecureMFA WIN OTP: one-time codes at Windows logon, unlock and Remote Desktop. Values set here win over those the installer wrote.",
            "Not configured: the value under HKLM\\Software\\SecureMFA (written by the installer or the MSI) is used. Enabled: this value is used, whatever the computer has.",
            "Enabled writes 1, Disabled writes 0; both win over the computer's value.",
            CatalogueEnglish());

        private static Dictionary<string, (string, string)> CatalogueEnglish()
        {
            var texts = new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
            foreach (var setting in SettingCatalogue.All) texts[setting.ValueName] = (setting.Title, setting.Description);
            return texts;
        }

        private static readonly PolicyTexts French = new PolicyTexts(
            "Windows 10 / Windows Server 2016 ou ultérieur (x64) avec SecureMFA WIN OTP",
            "SecureMFA WIN OTP : codes à usage unique à l'ouverture de session Windows, au déverrouillage et au Bureau à distance. Les valeurs définies ici l'emportent sur celles écrites par l'installation.",
            "Non configuré : la valeur sous HKLM\\Software\\SecureMFA (écrite par l'installation ou le MSI) est utilisée. Activé : cette valeur est utilisée, quelle que soit celle de l'ordinateur.",
            "Activé écrit 1, Désactivé écrit 0 ; les deux l'emportent sur la valeur de l'ordinateur.",
            new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
            {
                [SettingNames.AnchorDnsName] = ("Suffixe UPN des utilisateurs OTP (anchordnsname)", "Le suffixe UPN ajouté aux noms d'utilisateur saisis sans domaine : alice devient alice@<suffixe>. Un nom DNS tel que adatum.labnet. Obligatoire."),
                [SettingNames.ApiEndpoint] = ("Point de terminaison de la WEB API SecureMFA (api_endpoint)", "Le point de terminaison de la WEB API SecureMFA qui vérifie les codes, https://<hôte>/api/securemfaotp (http:// seulement en local). Obligatoire."),
                [SettingNames.ApiTimeout] = ("Délai de la WEB API en millisecondes (api_timeout)", "Millisecondes pour un appel complet à la WEB API (500-120000, 10000 par défaut). L'écran d'ouverture de session attend au plus 30000 ; une valeur plus grande est réduite avec un avertissement."),
                [SettingNames.SsprUrl] = ("Portail de réinitialisation du mot de passe (sspr_url)", "L'adresse https:// du portail libre-service derrière le lien Modifier le mot de passe de la vignette. Vide ou non défini : l'hôte du point de terminaison de l'API."),
                [SettingNames.RdpOnly] = ("Code pour le Bureau à distance uniquement (RDPonly)", "1 : un code à usage unique n'est demandé que pour le Bureau à distance et les autres sessions distantes ; la console est inchangée. 0 : un code à chaque ouverture de session et déverrouillage. L'installation écrit 1 ; si la valeur est absente partout, un code est demandé partout."),
                [SettingNames.OfflineValidDays] = ("Jours de connexion hors ligne (totp_offline_secret_valid_days)", "Jours pendant lesquels les données hors ligne restent valides après la dernière connexion en ligne de l'utilisateur (0-3650). 0, la valeur par défaut, désactive la connexion hors ligne."),
                [SettingNames.OfflineLoginFailures] = ("Codes hors ligne erronés avant verrouillage (totp_offline_ui_login_failures)", "Codes hors ligne erronés avant que le compte soit verrouillé sur cet ordinateur pour la durée de verrouillage (0-1000, 5 par défaut ; 0 désactive le verrouillage local)."),
                [SettingNames.OfflineLockoutMinutes] = ("Minutes de verrouillage hors ligne (totp_offline_ui_lockout_minutes)", "Minutes pendant lesquelles un compte reste verrouillé sur cet ordinateur après trop de codes hors ligne erronés (0-525600, 5 par défaut)."),
                [SettingNames.OfflineMaxFailures] = ("Codes hors ligne erronés avant une connexion en ligne (offline_max_failures)", "Codes hors ligne erronés depuis le dernier contact en ligne après lesquels les données hors ligne exigent une nouvelle connexion en ligne (0-1000, 10 par défaut ; 0 = sans limite)."),
                [SettingNames.ProxyEnable] = ("Appeler la WEB API par un proxy (api_proxy_enable)", "1 : le fournisseur appelle la WEB API par le serveur et le port proxy ci-dessous. 0, la valeur par défaut : aucun proxy (l'écran d'ouverture de session s'exécute en tant que SYSTEM)."),
                [SettingNames.ProxyServer] = ("Nom d'hôte du proxy (api_proxy_server)", "Le nom d'hôte ou l'adresse IP du proxy, sans http:// et sans port. Nécessaire quand le proxy est activé."),
                [SettingNames.ProxyPort] = ("Port du proxy (api_proxy_port)", "Le port TCP du proxy (1-65535). Nécessaire quand le proxy est activé."),
                [SettingNames.VerboseLog] = ("Événements détaillés (verboselog)", "1 : le fournisseur écrit aussi des événements détaillés (5550) dans le journal Application, dont l'origine de chaque paramètre. Les codes, mots de passe et clés ne sont jamais écrits."),
                [SettingNames.ExcludedAccounts] = ("Comptes qui n'ont jamais besoin d'un code (excluded_accounts)", "Comptes qui se connectent sans code, sous forme de SID (S-1-5-21-...) ou de noms (.\\breakglass, ADATUM\\svc-backup, nom@suffixe), un par ligne : avant tout un compte local de secours (break-glass). Les noms sont convertis en SID à l'écran d'ouverture de session ; un nom qui ne se résout pas ne correspond à personne."),
                [SettingNames.ExcludedGroups] = ("Groupes dont les membres n'ont jamais besoin d'un code (excluded_groups)", "Groupes AD ou locaux (imbriqués, reconnus par SID dans le jeton d'ouverture de session) dont les membres se connectent sans code, un par ligne. Les exclusions l'emportent sur les groupes imposés."),
                [SettingNames.EnforcedGroups] = ("Seuls les membres de ces groupes ont besoin d'un code (enforced_groups)", "Si défini, seuls les membres de ces groupes ont besoin d'un code (un déploiement groupe par groupe), un par ligne. Un nom qui ne se résout pas impose un code à tous. Vide : tout le monde a besoin d'un code."),
                [SettingNames.RdpOnlyGroups] = ("Code uniquement à distance pour les membres (rdponly_groups)", "Les membres de ces groupes n'ont besoin d'un code que pour le Bureau à distance et les autres sessions distantes, comme RDPonly le fait pour tous ; un par ligne."),
                [SettingNames.UnlockGraceMinutes] = ("Minutes sans code pour déverrouiller ou se reconnecter (unlock_grace_minutes)", "Minutes après une connexion vérifiée par code pendant lesquelles le déverrouillage de la même session, ou la reconnexion à celle-ci par le Bureau à distance, ne demande pas de code (0-1440, 0 par défaut = désactivé). Jamais après un redémarrage ou une mise en veille, jamais pour une invite d'identification."),
                [SettingNames.GraceExcludedGroups] = ("Groupes sans délai de déverrouillage (grace_excluded_groups)", "Les membres de ces groupes ont toujours besoin d'un code pour déverrouiller ou se reconnecter (les administrateurs, par exemple), un par ligne."),
                [SettingNames.AllowedProviders] = ("Autres vignettes de connexion laissées actives (allowed_providers)", "CLSID des autres fournisseurs d'informations d'identification de Windows qui restent visibles là où un code est exigé, un par ligne : carte à puce {8fd7e19c-3bf7-489b-a72c-846ab3678c96}, code PIN Windows Hello {cb82ea12-9f71-446d-89e1-8d0924e1256e}, biométrie Windows Hello {bec09223-b018-416d-a0ac-523971b639f5}. Leurs connexions ne demandent pas de code. Le fournisseur de mot de passe est refusé."),
                [SettingNames.UnenrolledPolicy] = ("Utilisateurs pas encore inscrits (unenrolled_policy)", "Ce que fait l'écran d'ouverture de session pour un utilisateur qui, selon la WEB API, n'a pas de compte OTP : Deny (par défaut) refuse et indique où s'inscrire ; Allow laisse passer avec le seul mot de passe ; Grace fait de même pendant les jours de délai après que la WEB API a vu l'utilisateur pour la première fois."),
                [SettingNames.UnenrolledGraceDays] = ("Jours de délai pour les utilisateurs pas encore inscrits (unenrolled_grace_days)", "Avec Grace : jours (1-365, 14 par défaut) à compter de la première fois que la WEB API a vu l'utilisateur, pendant lesquels le mot de passe seul suffit pour se connecter."),
                [SettingNames.Enforce] = ("Appliquer ou seulement signaler (enforce)", "Enforce (par défaut) demande des codes. ReportOnly ne demande rien, laisse passer le mot de passe et signale à la WEB API ce qui aurait été fait (Get-xOTP_RolloutReadiness), pour un déploiement."),
                [SettingNames.TileLabel] = ("Libellé du champ de code (tile_label)", "Votre propre libellé pour le champ de code de la vignette (« Code Adatum »), 32 caractères au plus, affiché tel quel dans toutes les langues. Vide ou non défini : « Code à usage unique » dans la langue de l'écran d'ouverture de session (anglais, français, allemand, espagnol ou néerlandais)."),
                [SettingNames.HelpdeskText] = ("Ligne du support sur la vignette (helpdesk_text)", "Une ligne affichée après l'indication d'inscription de la vignette et après chaque refus (« Support : +33 1 23 45 67 89, poste 42 »), 120 caractères au plus, telle quelle dans toutes les langues. Vide ou non défini : aucune."),
            });

        private static readonly PolicyTexts German = new PolicyTexts(
            "Windows 10 / Windows Server 2016 oder höher (x64) mit SecureMFA WIN OTP",
            "SecureMFA WIN OTP: Einmalcodes bei der Windows-Anmeldung, beim Entsperren und für Remotedesktop. Hier gesetzte Werte haben Vorrang vor denen des Installationsprogramms.",
            "Nicht konfiguriert: Der Wert unter HKLM\\Software\\SecureMFA (vom Installationsprogramm oder MSI geschrieben) wird verwendet. Aktiviert: Dieser Wert wird verwendet, gleich was der Computer hat.",
            "Aktiviert schreibt 1, Deaktiviert schreibt 0; beides hat Vorrang vor dem Wert des Computers.",
            new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
            {
                [SettingNames.AnchorDnsName] = ("UPN-Suffix der OTP-Benutzer (anchordnsname)", "Der UPN-Suffix, der an Benutzernamen ohne Domäne angehängt wird: alice wird zu alice@<Suffix>. Ein DNS-Name wie adatum.labnet. Erforderlich."),
                [SettingNames.ApiEndpoint] = ("Endpunkt der SecureMFA WEB API (api_endpoint)", "Der Endpunkt der SecureMFA WEB API, der die Codes prüft, https://<Host>/api/securemfaotp (http:// nur auf Loopback). Erforderlich."),
                [SettingNames.ApiTimeout] = ("Zeitlimit der WEB API in Millisekunden (api_timeout)", "Millisekunden für einen ganzen Aufruf der WEB API (500-120000, Standard 10000). Der Anmeldebildschirm wartet höchstens 30000; ein größerer Wert wird mit einer Warnung begrenzt."),
                [SettingNames.SsprUrl] = ("Portal zum Zurücksetzen des Kennworts (sspr_url)", "Die https://-Adresse des Self-Service-Portals hinter dem Link Kennwort ändern der Kachel. Leer oder nicht gesetzt: der Host des API-Endpunkts."),
                [SettingNames.RdpOnly] = ("Code nur für Remotedesktop (RDPonly)", "1: Ein Einmalcode wird nur für Remotedesktop und andere Remotesitzungen verlangt; die Konsole bleibt unverändert. 0: Ein Code bei jeder Anmeldung und jedem Entsperren. Das Installationsprogramm schreibt 1; fehlt der Wert überall, wird überall ein Code verlangt."),
                [SettingNames.OfflineValidDays] = ("Tage der Offline-Anmeldung (totp_offline_secret_valid_days)", "Tage, die die Offline-Daten nach der letzten Online-Anmeldung des Benutzers gültig bleiben (0-3650). 0, der Standard, schaltet die Offline-Anmeldung aus."),
                [SettingNames.OfflineLoginFailures] = ("Falsche Offline-Codes bis zur Sperre (totp_offline_ui_login_failures)", "Falsche Offline-Codes, bevor das Konto auf diesem Computer für die Sperrminuten gesperrt wird (0-1000, Standard 5; 0 schaltet die lokale Sperre aus)."),
                [SettingNames.OfflineLockoutMinutes] = ("Minuten einer Offline-Sperre (totp_offline_ui_lockout_minutes)", "Minuten, die ein Konto auf diesem Computer nach zu vielen falschen Offline-Codes gesperrt bleibt (0-525600, Standard 5)."),
                [SettingNames.OfflineMaxFailures] = ("Falsche Offline-Codes bis zur Online-Anmeldung (offline_max_failures)", "Falsche Offline-Codes seit dem letzten Online-Kontakt, nach denen die Offline-Daten wieder eine Online-Anmeldung brauchen (0-1000, Standard 10; 0 = keine Grenze)."),
                [SettingNames.ProxyEnable] = ("WEB API über einen Proxy aufrufen (api_proxy_enable)", "1: Der Anbieter ruft die WEB API über den Proxyserver und Port unten auf. 0, der Standard: kein Proxy (der Anmeldebildschirm läuft als SYSTEM)."),
                [SettingNames.ProxyServer] = ("Hostname des Proxys (api_proxy_server)", "Hostname oder IP-Adresse des Proxys, ohne http:// und ohne Port. Nötig, wenn der Proxy eingeschaltet ist."),
                [SettingNames.ProxyPort] = ("Port des Proxys (api_proxy_port)", "Der TCP-Port des Proxys (1-65535). Nötig, wenn der Proxy eingeschaltet ist."),
                [SettingNames.VerboseLog] = ("Ausführliche Ereignisse (verboselog)", "1: Der Anbieter schreibt auch ausführliche Ereignisse (5550) in das Anwendungsprotokoll, darunter die Herkunft jeder Einstellung. Codes, Kennwörter und Schlüssel werden nie geschrieben."),
                [SettingNames.ExcludedAccounts] = ("Konten, die nie einen Code brauchen (excluded_accounts)", "Konten, die sich ohne Code anmelden, als SIDs (S-1-5-21-...) oder Namen (.\\breakglass, ADATUM\\svc-backup, name@suffix), eines pro Zeile: vor allem ein lokales Notfallkonto (Break-Glass). Namen werden am Anmeldebildschirm in SIDs aufgelöst; ein Name, der sich nicht auflösen lässt, trifft niemanden."),
                [SettingNames.ExcludedGroups] = ("Gruppen, deren Mitglieder nie einen Code brauchen (excluded_groups)", "AD- oder lokale Gruppen (verschachtelt, per SID im Anmeldetoken erkannt), deren Mitglieder sich ohne Code anmelden, eine pro Zeile. Ausnahmen haben Vorrang vor den erzwungenen Gruppen."),
                [SettingNames.EnforcedGroups] = ("Nur Mitglieder dieser Gruppen brauchen einen Code (enforced_groups)", "Wenn gesetzt, brauchen nur Mitglieder dieser Gruppen einen Code (eine Einführung Gruppe für Gruppe), eine pro Zeile. Ein Name, der sich nicht auflösen lässt, verlangt von allen einen Code. Leer: Alle brauchen einen."),
                [SettingNames.RdpOnlyGroups] = ("Mitglieder brauchen nur remote einen Code (rdponly_groups)", "Mitglieder dieser Gruppen brauchen einen Code nur für Remotedesktop und andere Remotesitzungen, wie RDPonly es für alle tut; eine pro Zeile."),
                [SettingNames.UnlockGraceMinutes] = ("Minuten ohne Code zum Entsperren oder Wiederverbinden (unlock_grace_minutes)", "Minuten nach einer per Code bestätigten Anmeldung, in denen das Entsperren derselben Sitzung oder das erneute Verbinden mit ihr über Remotedesktop keinen Code braucht (0-1440, Standard 0 = aus). Nie nach einem Neustart oder Energiesparmodus, nie für eine Anmeldeaufforderung."),
                [SettingNames.GraceExcludedGroups] = ("Gruppen ohne Entsperrfrist (grace_excluded_groups)", "Mitglieder dieser Gruppen brauchen zum Entsperren oder Wiederverbinden immer einen Code (etwa Administratoren), eine pro Zeile."),
                [SettingNames.AllowedProviders] = ("Andere Anmeldekacheln bleiben eingeschaltet (allowed_providers)", "CLSIDs anderer Windows-Anmeldeinformationsanbieter, die dort sichtbar bleiben, wo ein Code verlangt wird, eine pro Zeile: Smartcard {8fd7e19c-3bf7-489b-a72c-846ab3678c96}, Windows Hello-PIN {cb82ea12-9f71-446d-89e1-8d0924e1256e}, Windows Hello-Biometrie {bec09223-b018-416d-a0ac-523971b639f5}. Ihre Anmeldungen brauchen keinen Code. Der Kennwortanbieter wird abgelehnt."),
                [SettingNames.UnenrolledPolicy] = ("Noch nicht registrierte Benutzer (unenrolled_policy)", "Was der Anmeldebildschirm für einen Benutzer tut, der laut WEB API kein OTP-Konto hat: Deny (Standard) lehnt ab und sagt, wo man sich registriert; Allow lässt das Kennwort allein durch; Grace tut das für die Fristtage, nachdem die WEB API den Benutzer zum ersten Mal gesehen hat."),
                [SettingNames.UnenrolledGraceDays] = ("Fristtage für noch nicht registrierte Benutzer (unenrolled_grace_days)", "Mit Grace: Tage (1-365, Standard 14) ab dem ersten Mal, dass die WEB API den Benutzer gesehen hat, in denen das Kennwort allein zur Anmeldung genügt."),
                [SettingNames.Enforce] = ("Erzwingen oder nur berichten (enforce)", "Enforce (Standard) verlangt Codes. ReportOnly verlangt nichts, lässt das Kennwort durch und meldet der WEB API, was getan worden wäre (Get-xOTP_RolloutReadiness), für eine Einführung."),
                [SettingNames.TileLabel] = ("Beschriftung des Codefelds (tile_label)", "Ihre eigene Beschriftung des Codefelds der Kachel („Adatum-Code“), höchstens 32 Zeichen, in jeder Sprache unverändert angezeigt. Leer oder nicht gesetzt: „Einmalcode“ in der Sprache des Anmeldebildschirms (Englisch, Französisch, Deutsch, Spanisch oder Niederländisch)."),
                [SettingNames.HelpdeskText] = ("Helpdesk-Zeile auf der Kachel (helpdesk_text)", "Eine Zeile nach dem Registrierungshinweis der Kachel und nach jeder Ablehnung („Helpdesk: +49 30 1234567, Durchwahl 42“), höchstens 120 Zeichen, in jeder Sprache unverändert. Leer oder nicht gesetzt: keine."),
            });

        private static readonly PolicyTexts Spanish = new PolicyTexts(
            "Windows 10 / Windows Server 2016 o posterior (x64) con SecureMFA WIN OTP",
            "SecureMFA WIN OTP: códigos de un solo uso al iniciar sesión en Windows, al desbloquear y en Escritorio remoto. Los valores definidos aquí prevalecen sobre los que escribió el instalador.",
            "No configurado: se usa el valor de HKLM\\Software\\SecureMFA (escrito por el instalador o el MSI). Habilitado: se usa este valor, tenga el equipo el que tenga.",
            "Habilitado escribe 1, Deshabilitado escribe 0; ambos prevalecen sobre el valor del equipo.",
            new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
            {
                [SettingNames.AnchorDnsName] = ("Sufijo UPN de los usuarios OTP (anchordnsname)", "El sufijo UPN que se añade a los nombres de usuario escritos sin dominio: alice pasa a ser alice@<sufijo>. Un nombre DNS como adatum.labnet. Obligatorio."),
                [SettingNames.ApiEndpoint] = ("Punto de conexión de la WEB API de SecureMFA (api_endpoint)", "El punto de conexión de la WEB API de SecureMFA que comprueba los códigos, https://<host>/api/securemfaotp (http:// solo en loopback). Obligatorio."),
                [SettingNames.ApiTimeout] = ("Tiempo de espera de la WEB API en milisegundos (api_timeout)", "Milisegundos para una llamada completa a la WEB API (500-120000, 10000 por defecto). La pantalla de inicio de sesión espera como máximo 30000; un valor mayor se limita con una advertencia."),
                [SettingNames.SsprUrl] = ("Portal de restablecimiento de contraseña (sspr_url)", "La dirección https:// del portal de autoservicio tras el enlace Cambiar contraseña del icono. Vacío o sin definir: el host del punto de conexión de la API."),
                [SettingNames.RdpOnly] = ("Código solo para Escritorio remoto (RDPonly)", "1: se pide un código de un solo uso solo para Escritorio remoto y otras sesiones remotas; la consola no cambia. 0: un código en cada inicio de sesión y desbloqueo. El instalador escribe 1; si el valor no existe en ningún sitio, se pide un código siempre."),
                [SettingNames.OfflineValidDays] = ("Días de inicio de sesión sin conexión (totp_offline_secret_valid_days)", "Días que los datos sin conexión siguen siendo válidos tras el último inicio de sesión en línea del usuario (0-3650). 0, el valor por defecto, desactiva el inicio de sesión sin conexión."),
                [SettingNames.OfflineLoginFailures] = ("Códigos sin conexión erróneos antes del bloqueo (totp_offline_ui_login_failures)", "Códigos sin conexión erróneos antes de que la cuenta se bloquee en este equipo durante los minutos de bloqueo (0-1000, 5 por defecto; 0 desactiva el bloqueo local)."),
                [SettingNames.OfflineLockoutMinutes] = ("Minutos de un bloqueo sin conexión (totp_offline_ui_lockout_minutes)", "Minutos que una cuenta permanece bloqueada en este equipo tras demasiados códigos sin conexión erróneos (0-525600, 5 por defecto)."),
                [SettingNames.OfflineMaxFailures] = ("Códigos sin conexión erróneos antes de un inicio en línea (offline_max_failures)", "Códigos sin conexión erróneos desde el último contacto en línea tras los cuales los datos sin conexión necesitan de nuevo un inicio de sesión en línea (0-1000, 10 por defecto; 0 = sin límite)."),
                [SettingNames.ProxyEnable] = ("Llamar a la WEB API a través de un proxy (api_proxy_enable)", "1: el proveedor llama a la WEB API a través del servidor y el puerto proxy de abajo. 0, el valor por defecto: ningún proxy (la pantalla de inicio de sesión se ejecuta como SYSTEM)."),
                [SettingNames.ProxyServer] = ("Nombre de host del proxy (api_proxy_server)", "El nombre de host o la dirección IP del proxy, sin http:// y sin puerto. Necesario cuando el proxy está activado."),
                [SettingNames.ProxyPort] = ("Puerto del proxy (api_proxy_port)", "El puerto TCP del proxy (1-65535). Necesario cuando el proxy está activado."),
                [SettingNames.VerboseLog] = ("Eventos detallados (verboselog)", "1: el proveedor también escribe eventos detallados (5550) en el registro de Aplicación, entre ellos el origen de cada ajuste. Nunca se escriben códigos, contraseñas ni claves."),
                [SettingNames.ExcludedAccounts] = ("Cuentas que nunca necesitan un código (excluded_accounts)", "Cuentas que inician sesión sin código, como SID (S-1-5-21-...) o nombres (.\\breakglass, ADATUM\\svc-backup, nombre@sufijo), una por línea: ante todo una cuenta local de emergencia (break-glass). Los nombres se convierten en SID en la pantalla de inicio de sesión; uno que no se resuelve no coincide con nadie."),
                [SettingNames.ExcludedGroups] = ("Grupos cuyos miembros nunca necesitan un código (excluded_groups)", "Grupos de AD o locales (anidados, reconocidos por SID en el token de inicio de sesión) cuyos miembros inician sesión sin código, uno por línea. Las exclusiones prevalecen sobre los grupos obligados."),
                [SettingNames.EnforcedGroups] = ("Solo los miembros de estos grupos necesitan un código (enforced_groups)", "Si se define, solo los miembros de estos grupos necesitan un código (una implantación grupo a grupo), uno por línea. Un nombre que no se resuelve hace que todos necesiten un código. Vacío: todos lo necesitan."),
                [SettingNames.RdpOnlyGroups] = ("Los miembros necesitan un código solo en remoto (rdponly_groups)", "Los miembros de estos grupos necesitan un código solo para Escritorio remoto y otras sesiones remotas, como hace RDPonly para todos; uno por línea."),
                [SettingNames.UnlockGraceMinutes] = ("Minutos sin código para desbloquear o reconectar (unlock_grace_minutes)", "Minutos tras un inicio de sesión verificado con código durante los cuales desbloquear la misma sesión, o reconectarse a ella por Escritorio remoto, no necesita código (0-1440, 0 por defecto = desactivado). Nunca tras un reinicio o una suspensión, nunca para una solicitud de credenciales."),
                [SettingNames.GraceExcludedGroups] = ("Grupos sin periodo de gracia de desbloqueo (grace_excluded_groups)", "Los miembros de estos grupos siempre necesitan un código para desbloquear o reconectarse (los administradores, por ejemplo), uno por línea."),
                [SettingNames.AllowedProviders] = ("Otros iconos de inicio de sesión que siguen activos (allowed_providers)", "CLSID de otros proveedores de credenciales de Windows que siguen visibles donde se exige un código, uno por línea: tarjeta inteligente {8fd7e19c-3bf7-489b-a72c-846ab3678c96}, PIN de Windows Hello {cb82ea12-9f71-446d-89e1-8d0924e1256e}, biometría de Windows Hello {bec09223-b018-416d-a0ac-523971b639f5}. Sus inicios de sesión no necesitan código. El proveedor de contraseñas se rechaza."),
                [SettingNames.UnenrolledPolicy] = ("Usuarios aún no inscritos (unenrolled_policy)", "Lo que hace la pantalla de inicio de sesión con un usuario que, según la WEB API, no tiene cuenta OTP: Deny (por defecto) rechaza e indica dónde inscribirse; Allow deja pasar solo con la contraseña; Grace hace lo mismo durante los días de gracia desde que la WEB API vio al usuario por primera vez."),
                [SettingNames.UnenrolledGraceDays] = ("Días de gracia para usuarios aún no inscritos (unenrolled_grace_days)", "Con Grace: días (1-365, 14 por defecto) desde la primera vez que la WEB API vio al usuario durante los cuales basta la contraseña para iniciar sesión."),
                [SettingNames.Enforce] = ("Aplicar o solo informar (enforce)", "Enforce (por defecto) pide códigos. ReportOnly no pide nada, deja pasar la contraseña e informa a la WEB API de lo que habría hecho (Get-xOTP_RolloutReadiness), para una implantación."),
                [SettingNames.TileLabel] = ("Etiqueta del campo de código (tile_label)", "Su propia etiqueta para el campo de código del icono («Código Adatum»), 32 caracteres como máximo, mostrada tal cual en todos los idiomas. Vacío o sin definir: «Código de un solo uso» en el idioma de la pantalla de inicio de sesión (inglés, francés, alemán, español o neerlandés)."),
                [SettingNames.HelpdeskText] = ("Línea del soporte técnico en el icono (helpdesk_text)", "Una línea que se muestra tras la indicación de inscripción del icono y tras cada rechazo («Soporte: +34 91 123 45 67, ext. 42»), 120 caracteres como máximo, tal cual en todos los idiomas. Vacío o sin definir: ninguna."),
            });

        private static readonly PolicyTexts Dutch = new PolicyTexts(
            "Windows 10 / Windows Server 2016 of later (x64) met SecureMFA WIN OTP",
            "SecureMFA WIN OTP: eenmalige codes bij het aanmelden bij Windows, bij ontgrendelen en voor Extern bureaublad. Hier ingestelde waarden gaan voor op die van het installatieprogramma.",
            "Niet geconfigureerd: de waarde onder HKLM\\Software\\SecureMFA (geschreven door het installatieprogramma of de MSI) wordt gebruikt. Ingeschakeld: deze waarde wordt gebruikt, wat de computer ook heeft.",
            "Ingeschakeld schrijft 1, Uitgeschakeld schrijft 0; beide gaan voor op de waarde van de computer.",
            new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
            {
                [SettingNames.AnchorDnsName] = ("UPN-achtervoegsel van OTP-gebruikers (anchordnsname)", "Het UPN-achtervoegsel dat aan gebruikersnamen zonder domein wordt toegevoegd: alice wordt alice@<achtervoegsel>. Een DNS-naam zoals adatum.labnet. Verplicht."),
                [SettingNames.ApiEndpoint] = ("Eindpunt van de SecureMFA WEB API (api_endpoint)", "Het eindpunt van de SecureMFA WEB API dat de codes controleert, https://<host>/api/securemfaotp (http:// alleen op loopback). Verplicht."),
                [SettingNames.ApiTimeout] = ("Time-out van de WEB API in milliseconden (api_timeout)", "Milliseconden voor een volledige aanroep van de WEB API (500-120000, standaard 10000). Het aanmeldscherm wacht hooguit 30000; een grotere waarde wordt met een waarschuwing begrensd."),
                [SettingNames.SsprUrl] = ("Portaal voor wachtwoordherstel (sspr_url)", "Het https://-adres van het selfserviceportaal achter de koppeling Wachtwoord wijzigen van de tegel. Leeg of niet ingesteld: de host van het API-eindpunt."),
                [SettingNames.RdpOnly] = ("Code alleen voor Extern bureaublad (RDPonly)", "1: een eenmalige code wordt alleen gevraagd voor Extern bureaublad en andere externe sessies; de console blijft ongewijzigd. 0: een code bij elke aanmelding en ontgrendeling. Het installatieprogramma schrijft 1; ontbreekt de waarde overal, dan wordt overal een code gevraagd."),
                [SettingNames.OfflineValidDays] = ("Dagen offline aanmelden (totp_offline_secret_valid_days)", "Dagen dat de offline gegevens geldig blijven na de laatste online aanmelding van de gebruiker (0-3650). 0, de standaard, schakelt offline aanmelden uit."),
                [SettingNames.OfflineLoginFailures] = ("Foute offline codes voor een blokkering (totp_offline_ui_login_failures)", "Foute offline codes voordat het account op deze computer voor de blokkeringsminuten wordt geblokkeerd (0-1000, standaard 5; 0 schakelt de lokale blokkering uit)."),
                [SettingNames.OfflineLockoutMinutes] = ("Minuten van een offline blokkering (totp_offline_ui_lockout_minutes)", "Minuten dat een account op deze computer geblokkeerd blijft na te veel foute offline codes (0-525600, standaard 5)."),
                [SettingNames.OfflineMaxFailures] = ("Foute offline codes voor een online aanmelding (offline_max_failures)", "Foute offline codes sinds het laatste online contact waarna de offline gegevens weer een online aanmelding nodig hebben (0-1000, standaard 10; 0 = geen grens)."),
                [SettingNames.ProxyEnable] = ("WEB API via een proxy aanroepen (api_proxy_enable)", "1: de provider roept de WEB API aan via de proxyserver en poort hieronder. 0, de standaard: geen proxy (het aanmeldscherm draait als SYSTEM)."),
                [SettingNames.ProxyServer] = ("Hostnaam van de proxy (api_proxy_server)", "De hostnaam of het IP-adres van de proxy, zonder http:// en zonder poort. Nodig als de proxy aan staat."),
                [SettingNames.ProxyPort] = ("Poort van de proxy (api_proxy_port)", "De TCP-poort van de proxy (1-65535). Nodig als de proxy aan staat."),
                [SettingNames.VerboseLog] = ("Uitgebreide gebeurtenissen (verboselog)", "1: de provider schrijft ook uitgebreide gebeurtenissen (5550) in het logboek Toepassing, waaronder de herkomst van elke instelling. Codes, wachtwoorden en sleutels worden nooit geschreven."),
                [SettingNames.ExcludedAccounts] = ("Accounts die nooit een code nodig hebben (excluded_accounts)", "Accounts die zich zonder code aanmelden, als SID's (S-1-5-21-...) of namen (.\\breakglass, ADATUM\\svc-backup, naam@achtervoegsel), één per regel: vooral een lokaal noodaccount (break-glass). Namen worden op het aanmeldscherm omgezet in SID's; een naam die niet wordt gevonden, komt met niemand overeen."),
                [SettingNames.ExcludedGroups] = ("Groepen waarvan de leden nooit een code nodig hebben (excluded_groups)", "AD- of lokale groepen (genest, herkend aan hun SID in het aanmeldtoken) waarvan de leden zich zonder code aanmelden, één per regel. Uitzonderingen gaan voor op de verplichte groepen."),
                [SettingNames.EnforcedGroups] = ("Alleen leden van deze groepen hebben een code nodig (enforced_groups)", "Indien ingesteld hebben alleen leden van deze groepen een code nodig (een invoering groep voor groep), één per regel. Een naam die niet wordt gevonden, laat iedereen een code nodig hebben. Leeg: iedereen heeft er een nodig."),
                [SettingNames.RdpOnlyGroups] = ("Leden hebben alleen op afstand een code nodig (rdponly_groups)", "Leden van deze groepen hebben alleen een code nodig voor Extern bureaublad en andere externe sessies, zoals RDPonly dat voor iedereen doet; één per regel."),
                [SettingNames.UnlockGraceMinutes] = ("Minuten zonder code om te ontgrendelen of opnieuw te verbinden (unlock_grace_minutes)", "Minuten na een met een code gecontroleerde aanmelding waarin het ontgrendelen van dezelfde sessie, of het opnieuw verbinden ermee via Extern bureaublad, geen code vraagt (0-1440, standaard 0 = uit). Nooit na een herstart of slaapstand, nooit voor een aanmeldvenster."),
                [SettingNames.GraceExcludedGroups] = ("Groepen zonder ontgrendelingsrespijt (grace_excluded_groups)", "Leden van deze groepen hebben altijd een code nodig om te ontgrendelen of opnieuw te verbinden (beheerders bijvoorbeeld), één per regel."),
                [SettingNames.AllowedProviders] = ("Andere aanmeldtegels blijven aan (allowed_providers)", "CLSID's van andere referentieproviders van Windows die zichtbaar blijven waar een code vereist is, één per regel: smartcard {8fd7e19c-3bf7-489b-a72c-846ab3678c96}, Windows Hello-pincode {cb82ea12-9f71-446d-89e1-8d0924e1256e}, Windows Hello-biometrie {bec09223-b018-416d-a0ac-523971b639f5}. Hun aanmeldingen vragen geen code. De wachtwoordprovider wordt geweigerd."),
                [SettingNames.UnenrolledPolicy] = ("Gebruikers die nog niet zijn ingeschreven (unenrolled_policy)", "Wat het aanmeldscherm doet voor een gebruiker die volgens de WEB API geen OTP-account heeft: Deny (standaard) weigert en zegt waar men zich inschrijft; Allow laat het wachtwoord alleen door; Grace doet dat gedurende de respijtdagen nadat de WEB API de gebruiker voor het eerst zag."),
                [SettingNames.UnenrolledGraceDays] = ("Respijtdagen voor gebruikers die nog niet zijn ingeschreven (unenrolled_grace_days)", "Met Grace: dagen (1-365, standaard 14) vanaf de eerste keer dat de WEB API de gebruiker zag, waarin het wachtwoord alleen volstaat om zich aan te melden."),
                [SettingNames.Enforce] = ("Afdwingen of alleen rapporteren (enforce)", "Enforce (standaard) vraagt codes. ReportOnly vraagt niets, laat het wachtwoord door en meldt de WEB API wat er gedaan zou zijn (Get-xOTP_RolloutReadiness), voor een invoering."),
                [SettingNames.TileLabel] = ("Label van het codeveld (tile_label)", "Uw eigen label voor het codeveld van de tegel (‘Adatum-code’), hooguit 32 tekens, in elke taal ongewijzigd getoond. Leeg of niet ingesteld: ‘Eenmalige code’ in de taal van het aanmeldscherm (Engels, Frans, Duits, Spaans of Nederlands)."),
                [SettingNames.HelpdeskText] = ("Helpdeskregel op de tegel (helpdesk_text)", "Eén regel na de inschrijfhint van de tegel en na elke weigering (‘Helpdesk: +31 20 123 4567, toestel 42’), hooguit 120 tekens, in elke taal ongewijzigd. Leeg of niet ingesteld: geen."),
            });
    }
}
