using System;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.IdentityServer.Web.Authentication.External;
using SecureMFA.Core.Configuration;
using SecureMFA.Core.SignIn;

namespace SecureMFA.Adapter
{
    /// <summary>
    /// One adapter page as AD FS embeds it: the form with AuthMethod and Context, AD FS theme classes,
    /// and every value from users, requests or configuration HTML-encoded.
    /// </summary>
    public sealed class OtpPresentation : IAdapterPresentationForm
    {
        public const string CodeField = "otpCode";
        private readonly BeginResult? _result;
        private readonly PageMessage _message;
        private readonly string _upn;
        private readonly ProviderConfiguration? _config;
        private readonly DateTime _now;

        private OtpPresentation(BeginResult? result, PageMessage message, string upn, ProviderConfiguration? config, DateTime now)
        {
            _result = result;
            _message = message;
            _upn = upn;
            _config = config;
            _now = now;
        }

        public static OtpPresentation For(BeginResult result, PageMessage message, string upn, ProviderConfiguration config, DateTime now) =>
            new OtpPresentation(result, message, upn, config, now);

        /// <summary>The page for anything unexpected: a store that is down, a broken configuration, an AD FS error.</summary>
        public static OtpPresentation Unavailable() => new OtpPresentation(null, PageMessage.None, "", null, DateTime.UtcNow);

        public string GetPageTitle(int lcid) => PageText.For(lcid).Title;

        public string GetFormPreRenderHtml(int lcid) => "";

        public string GetFormHtml(int lcid)
        {
            var text = PageText.For(lcid);
            var html = new StringBuilder();
            switch (_result?.Kind)
            {
                case BeginKind.Enrol:
                    return Form(html, text, Custom(_config!.UiFirstLoginText) ?? text.EnrolIntro, enrol: true);
                case BeginKind.Code:
                    return Form(html, text, Custom(_config!.UiLoginText) ?? text.CodePrompt, enrol: false);
                case BeginKind.Locked:
                    var minutes = (int)Math.Ceiling(((_result.LockedUntil ?? _now) - _now).TotalMinutes);
                    return Notice(html, string.Format(CultureInfo.InvariantCulture, text.Locked, Math.Max(1, minutes)));
                case BeginKind.Disabled:
                    return Notice(html, text.Disabled);
                case BeginKind.EnrolmentNotAllowed:
                    return Notice(html, text.EnrolmentNotAllowed);
                default:
                    return Notice(html, text.Unavailable);
            }
        }

        private string Form(StringBuilder html, PageText text, string intro, bool enrol)
        {
            html.Append("<form method=\"post\" id=\"loginForm\" autocomplete=\"off\" novalidate=\"novalidate\">")
                .Append("<input id=\"authMethod\" type=\"hidden\" name=\"AuthMethod\" value=\"%AuthMethod%\"/>")
                .Append("<input id=\"context\" type=\"hidden\" name=\"Context\" value=\"%Context%\"/>");
            var error = _message == PageMessage.WrongCode ? text.WrongCode : _message == PageMessage.Replayed ? text.Replayed : null;
            if (error != null)
                html.Append("<div id=\"error\" class=\"fieldMargin error smallText\"><span id=\"errorText\" role=\"alert\">").Append(Encode(error)).Append("</span></div>");
            html.Append("<div id=\"intro\" class=\"fieldMargin bigText\">").Append(Encode(intro)).Append("</div>");
            if (enrol)
            {
                var material = _result!.Enrollment!;
                html.Append("<div class=\"fieldMargin\"><img id=\"qrCode\" src=\"").Append(Encode(material.ImageSource))
                    .Append("\" width=\"").Append(material.ImageWidth).Append("\" height=\"").Append(material.ImageHeight)
                    // Whole-module PNGs scaled to the configured size stay sharp-edged, which scanners need.
                    .Append("\" style=\"image-rendering:pixelated\" alt=\"").Append(Encode(text.QrAlt)).Append("\"/></div>")
                    .Append("<div class=\"fieldMargin smallText\">").Append(Encode(text.ManualKey))
                    .Append(" <code id=\"manualKey\">").Append(Encode(Grouped(material.SecretBase32))).Append("</code></div>")
                    .Append("<div class=\"fieldMargin smallText\">").Append(Encode(text.Account)).Append(": <span id=\"account\">")
                    .Append(Encode(_upn)).Append("</span></div>");
            }
            html.Append("<div class=\"fieldMargin\"><label for=\"otpCode\">").Append(Encode(text.CodeLabel)).Append("</label>")
                .Append("<input id=\"otpCode\" name=\"").Append(CodeField).Append("\" type=\"text\" class=\"text fullWidth\" inputmode=\"numeric\" ")
                .Append("autocomplete=\"one-time-code\" maxlength=\"12\" autofocus=\"autofocus\"/></div>")
                .Append("<div id=\"submissionArea\" class=\"submitMargin\"><input id=\"submitButton\" type=\"submit\" name=\"Submit\" class=\"submit\" value=\"")
                .Append(Encode(text.Submit)).Append("\"/></div></form>");
            return html.ToString();
        }

        private static string Notice(StringBuilder html, string message) =>
            html.Append("<div id=\"loginArea\"><div id=\"error\" class=\"fieldMargin error smallText\"><span id=\"errorText\" role=\"alert\">")
                .Append(Encode(message)).Append("</span></div></div>").ToString();

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
}
