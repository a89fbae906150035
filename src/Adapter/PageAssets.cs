namespace SecureMFA.Adapter
{
    /// <summary>
    /// The adapter's own style sheet and script, fixed texts so that a host with a Content-Security-Policy can allow
    /// exactly these by hash. Both are optional: without the script the page still works (the lock's end shows in
    /// UTC, the key can be selected by hand). AD FS's default policy allows inline style and script.
    /// </summary>
    public static class PageAssets
    {
        /// <summary>Scoped to the adapter's fragment, so the AD FS theme keeps styling everything else.</summary>
        public const string StyleSheet =
            "#secureMfaOtp{line-height:1.5;overflow-wrap:anywhere}" +
            "#secureMfaOtp h1{font-size:1.5em;font-weight:600;line-height:1.3;margin:0 0 16px}" +
            "#secureMfaOtp p{margin:0 0 12px}" +
            "#secureMfaOtp .error{color:#c50f1f}" +
            "#secureMfaOtp time{white-space:nowrap}" +
            // Whole-module PNGs scaled to the configured size stay sharp-edged, which scanners need.
            "#secureMfaOtp .smfaQr img{display:block;max-width:100%;height:auto;image-rendering:pixelated}" +
            "#secureMfaOtp code{font-family:Consolas,\"DejaVu Sans Mono\",\"Courier New\",monospace;font-size:1.05em;line-height:1.6;word-spacing:.3em;background:#f2f2f2;padding:2px 4px}" +
            "#secureMfaOtp summary{cursor:pointer;color:#0067b8;padding:4px 0}" +
            "#secureMfaOtp details[open] summary{margin-bottom:8px}" +
            "#secureMfaOtp .smfaLink{background:none;border:0;padding:2px 0;margin:0;font:inherit;line-height:1.5;color:#0067b8;text-decoration:underline;cursor:pointer;text-align:start}" +
            "#secureMfaOtp .smfaSecondary{background:#fff;color:#0067b8;border:1px solid #0067b8;font:inherit;line-height:1.5;padding:4px 12px;cursor:pointer}" +
            "#secureMfaOtp .smfaSignOut{margin-top:20px}";

        /// <summary>
        /// Shows the lock's end in the browser's own time zone and language (the server does not know the user's zone),
        /// and turns on the copy-key button where the clipboard can be used.
        /// </summary>
        public const string Script =
            "(function(){var root=document.getElementById('secureMfaOtp');if(!root)return;" +
            "var lang=root.getAttribute('lang')||undefined,now=Date.now(),times=root.querySelectorAll('time[datetime]');" +
            "for(var i=0;i<times.length;i++){var t=times[i],d=new Date(t.getAttribute('datetime'));if(isNaN(d.getTime()))continue;" +
            "var far=Math.abs(d.getTime()-now)>432e5;" +
            "try{t.title=t.textContent;t.textContent=d.toLocaleString(lang,far?{dateStyle:'medium',timeStyle:'short'}:{hour:'numeric',minute:'2-digit'});}catch(e){}}" +
            "var b=document.getElementById('copyKey'),k=document.getElementById('manualKey'),s=document.getElementById('copyStatus');" +
            "if(b&&k&&window.isSecureContext&&navigator.clipboard){b.hidden=false;b.addEventListener('click',function(){" +
            "navigator.clipboard.writeText(k.textContent.replace(/\\s+/g,'')).then(function(){if(s)s.textContent=b.getAttribute('data-done');},function(){});});}" +
            "})();";
    }
}
