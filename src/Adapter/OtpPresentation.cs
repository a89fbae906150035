using System;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.IdentityServer.Web.Authentication.External;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.Lockout;
using SecureMFA.Core.SignIn;

namespace SecureMFA.Adapter
{
    /// <summary>
    /// One adapter page as AD FS embeds it: a fragment in the user's language (its own lang attribute), the form with
    /// AuthMethod and Context, AD FS theme classes, and every value from users, requests or configuration
    /// HTML-encoded. Every page has a next step: a form to submit, "try again", and "sign in as someone else".
    /// </summary>
    public sealed class OtpPresentation : IAdapterPresentationForm
    {
        public const string CodeField = "otpCode";
        public const string RecoveryCodeField = "recoveryCode";

        /// <summary>Posted by the page's secondary buttons: switch mode, re-evaluate, or continue after a recovery code.</summary>
        public const string ActionField = "smfaAction";
        public const string RetryAction = "retry";
        public const string RecoveryAction = "recovery";
        public const string CodeAction = "code";
        public const string ContinueAction = "continue";

        /// <summary>AD FS's WS-Federation sign-out: ends the AD FS session, so the next sign-in starts with the user name.</summary>
        public const string SignOutUrl = "/adfs/ls/?wa=wsignout1.0";

        private readonly PageKind _kind;
        private readonly BeginResult? _begin;
        private readonly VerifyResult? _attempt;
        private readonly string _upn;
        private readonly ProviderConfiguration? _config;
        private readonly DateTime _now;
        private readonly int _recoveryCodesLeft;

        private OtpPresentation(PageKind kind, BeginResult? begin, VerifyResult? attempt, string upn, ProviderConfiguration? config, DateTime now, int recoveryCodesLeft = 0)
        {
            _kind = kind;
            _begin = begin;
            _attempt = attempt;
            _upn = upn;
            _config = config;
            _now = now;
            _recoveryCodesLeft = recoveryCodesLeft;
        }

        /// <summary>
        /// The page for where the user stands (<paramref name="begin"/>), with what their last attempt did. A user who
        /// asked for the recovery-code form gets it when they could type a code at all.
        /// </summary>
        public static OtpPresentation For(BeginResult begin, VerifyResult? attempt, bool recoveryMode, string upn, ProviderConfiguration config, DateTime now)
        {
            var kind = begin.Kind switch
            {
                BeginKind.Enrol => PageKind.Enrol,
                BeginKind.Code => recoveryMode ? PageKind.Recovery : PageKind.Code,
                BeginKind.Locked => PageKind.Locked,
                BeginKind.Disabled => PageKind.Disabled,
                BeginKind.EnrolmentNotAllowed => PageKind.EnrolmentNotAllowed,
                _ => PageKind.Unavailable,
            };
            return new OtpPresentation(kind, begin, attempt, upn, config, now);
        }

        /// <summary>The page for anything unexpected; with the configuration when it loaded, so the help desk shows.</summary>
        public static OtpPresentation Unavailable(ProviderConfiguration? config = null) =>
            new OtpPresentation(PageKind.Unavailable, null, null, "", config, DateTime.UtcNow);

        /// <summary>After a recovery code, when few are left: how many, and what to do about it.</summary>
        public static OtpPresentation RecoveryCodeAccepted(int codesLeft, ProviderConfiguration config) =>
            new OtpPresentation(PageKind.RecoveryUsed, null, null, "", config, DateTime.UtcNow, Math.Max(0, codesLeft));

        public PageKind Kind => _kind;

        public string GetPageTitle(int lcid)
        {
            var text = PageText.For(lcid);
            switch (_kind)
            {
                case PageKind.Enrol: return text.EnrolTitle;
                case PageKind.Code: return text.CodeTitle;
                case PageKind.Recovery: return text.RecoveryTitle;
                case PageKind.RecoveryUsed: return text.RecoveryUsedTitle;
                case PageKind.Locked: return text.LockedTitle;
                case PageKind.Disabled: return text.DisabledTitle;
                case PageKind.EnrolmentNotAllowed: return text.EnrolmentNotAllowedTitle;
                default: return text.UnavailableTitle;
            }
        }

        public string GetFormPreRenderHtml(int lcid) => "<style>" + PageAssets.StyleSheet + "</style>";

        public string GetFormHtml(int lcid)
        {
            var text = PageText.For(lcid);
            var html = new StringBuilder();
            html.Append("<div id=\"secureMfaOtp\" lang=\"").Append(Encode(text.LanguageTag)).Append("\">")
                .Append("<h1 id=\"pageTitle\">").Append(Encode(GetPageTitle(lcid))).Append("</h1>");
            switch (_kind)
            {
                case PageKind.Enrol:
                    CodeForm(html, text, Custom(_config!.UiFirstLoginText) ?? text.EnrolIntro);
                    break;
                case PageKind.Code:
                    CodeForm(html, text, Custom(_config!.UiLoginText) ?? text.CodePrompt);
                    break;
                case PageKind.Recovery:
                    RecoveryForm(html, text);
                    break;
                case PageKind.RecoveryUsed:
                    html.Append("<p id=\"recoveryStatus\" role=\"status\">").Append(Encode(RecoveryCodesLeft(text))).Append("</p>")
                        .Append("<p>").Append(Encode(text.RecoveryAdvice)).Append("</p>")
                        .Append(HelpdeskContact.Html(_config, text));
                    ActionForm(html, ContinueAction, text.Continue, "continueButton");
                    break;
                case PageKind.Locked:
                    Notice(html, text, LockedMessage(text));
                    break;
                case PageKind.Disabled:
                    Notice(html, text, Encode(text.Disabled));
                    break;
                case PageKind.EnrolmentNotAllowed:
                    Notice(html, text, Encode(text.EnrolmentNotAllowed));
                    break;
                default:
                    Notice(html, text, Encode(text.Unavailable));
                    break;
            }
            html.Append("<p class=\"smfaSignOut\"><a id=\"signOut\" href=\"").Append(Encode(SignOutUrl)).Append("\">").Append(Encode(text.SignOut)).Append("</a></p>")
                .Append("<script>").Append(PageAssets.Script).Append("</script></div>");
            return html.ToString();
        }

        /// <summary>The enrolment and code pages: one code field sized for the user's digits, and the way to a recovery code.</summary>
        private void CodeForm(StringBuilder html, PageText text, string intro)
        {
            var error = PageMessage.For(_attempt, text, Lockout);
            FormStart(html);
            Error(html, error == null ? null : Encode(error));
            html.Append("<p id=\"intro\" class=\"fieldMargin\">").Append(Encode(intro)).Append("</p>");
            if (_kind == PageKind.Enrol) Enrolment(html, text);
            var digits = _begin!.Digits;
            html.Append("<div class=\"fieldMargin\"><label for=\"").Append(CodeField).Append("\">").Append(Encode(text.CodeLabel)).Append("</label>")
                .Append("<input id=\"").Append(CodeField).Append("\" name=\"").Append(CodeField).Append("\" type=\"text\" class=\"text fullWidth\"")
                .Append(" inputmode=\"numeric\" autocomplete=\"one-time-code\" spellcheck=\"false\"")
                // White space is allowed between digits (as some apps show them); a separator or two fit in maxlength.
                .Append(" pattern=\"\\s*([0-9]\\s*){").Append(digits.ToString(CultureInfo.InvariantCulture)).Append("}\"")
                .Append(" maxlength=\"").Append((digits + 2).ToString(CultureInfo.InvariantCulture)).Append("\"");
            FieldState(html, error != null, autofocus: _kind == PageKind.Code);
            html.Append("/></div>");
            Submit(html, text);
            if (_kind == PageKind.Code)
                ModeButton(html, "useRecoveryCode", RecoveryAction, text.UseRecoveryCode);
            html.Append("</form>");
        }

        private void RecoveryForm(StringBuilder html, PageText text)
        {
            var error = PageMessage.For(_attempt, text, Lockout);
            FormStart(html);
            Error(html, error == null ? null : Encode(error));
            html.Append("<p id=\"intro\" class=\"fieldMargin\">").Append(Encode(text.RecoveryPrompt)).Append("</p>")
                .Append("<div class=\"fieldMargin\"><label for=\"").Append(RecoveryCodeField).Append("\">").Append(Encode(text.RecoveryLabel)).Append("</label>")
                .Append("<input id=\"").Append(RecoveryCodeField).Append("\" name=\"").Append(RecoveryCodeField).Append("\" type=\"text\" class=\"text fullWidth\"")
                .Append(" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"24\"");
            FieldState(html, error != null, autofocus: true);
            html.Append("/></div>");
            Submit(html, text);
            ModeButton(html, "useAppCode", CodeAction, text.UseAppCode);
            html.Append("</form>").Append(HelpdeskContact.Html(_config, text));
        }

        /// <summary>The QR code, a link that opens the app on this phone, and the key on request (with a copy button where script runs).</summary>
        private void Enrolment(StringBuilder html, PageText text)
        {
            var material = _begin!.Enrollment!;
            html.Append("<div class=\"fieldMargin smfaQr\"><img id=\"qrCode\" src=\"").Append(Encode(material.ImageSource))
                .Append("\" width=\"").Append(material.ImageWidth).Append("\" height=\"").Append(material.ImageHeight)
                .Append("\" alt=\"").Append(Encode(text.QrAlt)).Append("\"/></div>");
            // The Key URI builder writes otpauth:// URIs only; checked here too, as this becomes an href.
            if (material.OtpAuthUri.StartsWith("otpauth://", StringComparison.Ordinal))
                html.Append("<p class=\"fieldMargin\"><a id=\"openInApp\" href=\"").Append(Encode(material.OtpAuthUri)).Append("\">")
                    .Append(Encode(text.OpenInApp)).Append("</a></p>");
            html.Append("<details id=\"manualKeyDetails\" class=\"fieldMargin\"><summary>").Append(Encode(text.ShowKey)).Append("</summary>")
                .Append("<p>").Append(Encode(text.ManualKey)).Append("</p>")
                .Append("<p><code id=\"manualKey\">").Append(Encode(Grouped(material.SecretBase32))).Append("</code></p>")
                .Append("<p><button type=\"button\" id=\"copyKey\" class=\"smfaSecondary\" hidden=\"hidden\" data-done=\"").Append(Encode(text.KeyCopied)).Append("\">")
                .Append(Encode(text.CopyKey)).Append("</button> <span id=\"copyStatus\" role=\"status\"></span></p>")
                .Append("<p>").Append(Encode(text.Account)).Append(": <span id=\"account\">").Append(Encode(_upn)).Append("</span></p>")
                .Append("</details>");
        }

        /// <summary>Locked, disabled, not from this network, unavailable: what happened, who helps, and two ways on.</summary>
        private void Notice(StringBuilder html, PageText text, string messageHtml)
        {
            Error(html, messageHtml);
            html.Append(HelpdeskContact.Html(_config, text));
            // Try again re-posts the form: the adapter looks at the user afresh (a lock may have ended, a store come back).
            ActionForm(html, RetryAction, text.TryAgain, "tryAgainButton");
        }

        private string LockedMessage(PageText text)
        {
            var until = _begin?.LockedUntil ?? _now;
            var minutes = Math.Max(1, (int)Math.Ceiling((until - _now).TotalMinutes));
            var utc = DateTime.SpecifyKind(until.Kind == DateTimeKind.Local ? until.ToUniversalTime() : until, DateTimeKind.Utc);
            var fallback = utc.ToString(utc.Date == _now.Date ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
            // The server does not know the user's time zone: the script shows this in the browser's zone; UTC without it.
            var time = "<time datetime=\"" + utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\">" + Encode(fallback) + "</time>";
            return Encode(text.Locked).Replace("{0}", Encode(text.Duration(minutes))).Replace("{1}", time);
        }

        private string RecoveryCodesLeft(PageText text) =>
            _recoveryCodesLeft == 0 ? text.NoRecoveryCodesLeft
            : _recoveryCodesLeft == 1 ? text.RecoveryCodeLeftOne
            : string.Format(CultureInfo.InvariantCulture, text.RecoveryCodesLeft, _recoveryCodesLeft);

        private static void FormStart(StringBuilder html) =>
            html.Append("<form method=\"post\" id=\"loginForm\" autocomplete=\"off\" novalidate=\"novalidate\">")
                .Append("<input id=\"authMethod\" type=\"hidden\" name=\"AuthMethod\" value=\"%AuthMethod%\"/>")
                .Append("<input id=\"context\" type=\"hidden\" name=\"Context\" value=\"%Context%\"/>");

        /// <summary>The error line; the field points at it (aria-describedby) and screen readers announce it (role=alert).</summary>
        private static void Error(StringBuilder html, string? messageHtml)
        {
            if (messageHtml != null)
                html.Append("<div id=\"error\" class=\"fieldMargin error\"><span id=\"errorText\" role=\"alert\">").Append(messageHtml).Append("</span></div>");
        }

        private static void FieldState(StringBuilder html, bool invalid, bool autofocus)
        {
            if (invalid) html.Append(" aria-invalid=\"true\" aria-describedby=\"errorText\"");
            if (autofocus || invalid) html.Append(" autofocus=\"autofocus\"");
        }

        private static void Submit(StringBuilder html, PageText text) =>
            html.Append("<div id=\"submissionArea\" class=\"submitMargin\"><input id=\"submitButton\" type=\"submit\" name=\"Submit\" class=\"submit\" value=\"")
                .Append(Encode(text.Submit)).Append("\"/></div>");

        /// <summary>A second submit button in the same form; Enter in the field still submits the code (the first button).</summary>
        private static void ModeButton(StringBuilder html, string id, string action, string label) =>
            html.Append("<div class=\"fieldMargin\"><button type=\"submit\" id=\"").Append(id).Append("\" class=\"smfaLink\" name=\"").Append(ActionField)
                .Append("\" value=\"").Append(action).Append("\">").Append(Encode(label)).Append("</button></div>");

        private static void ActionForm(StringBuilder html, string action, string label, string buttonId)
        {
            FormStart(html);
            html.Append("<input type=\"hidden\" name=\"").Append(ActionField).Append("\" value=\"").Append(action).Append("\"/>")
                .Append("<div id=\"submissionArea\" class=\"submitMargin\"><input id=\"").Append(buttonId).Append("\" type=\"submit\" class=\"submit\" value=\"")
                .Append(Encode(label)).Append("\"/></div></form>");
        }

        private LockoutPolicy Lockout => _config?.Lockout ?? LockoutPolicy.Disabled;

        /// <summary>Administrator text from ui_first_login_text / ui_login_text, used only with ui_customization.</summary>
        private string? Custom(string value) => _config != null && _config.UiCustomization && value.Trim().Length > 0 ? value : null;

        /// <summary>Groups of four, as authenticator apps show keys, so it can be typed without losing one's place.</summary>
        private static string Grouped(string secret)
        {
            var grouped = new StringBuilder();
            for (var i = 0; i < secret.Length; i += 4)
                grouped.Append(i == 0 ? "" : " ").Append(secret.Substring(i, Math.Min(4, secret.Length - i)));
            return grouped.ToString();
        }

        private static string Encode(string value) => WebUtility.HtmlEncode(value);
    }

    /// <summary>Which page the adapter shows.</summary>
    public enum PageKind
    {
        /// <summary>The QR code, the key and the first code.</summary>
        Enrol,
        /// <summary>The code from the app.</summary>
        Code,
        /// <summary>A one-time recovery code instead of the app's code.</summary>
        Recovery,
        /// <summary>Signed in with a recovery code and few are left: says how many, then continues.</summary>
        RecoveryUsed,
        Locked,
        Disabled,
        EnrolmentNotAllowed,
        /// <summary>A store that is down, a broken configuration, an AD FS error.</summary>
        Unavailable,
    }
}
