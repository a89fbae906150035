using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace SecureMFA.Cmdlets.Tests
{
    /// <summary>
    /// A console for the hosted engine: what the formatter writes (Out-Host) lands in <see cref="Screen"/>, and every
    /// confirmation is recorded in <see cref="Prompts"/> and answered from <see cref="Answers"/> (a choice's label without
    /// the '&amp;', e.g. "Yes", "No", "Yes to All"). A prompt with no answer queued fails the command, so an unexpected
    /// question cannot pass unnoticed.
    /// </summary>
    public sealed class AnsweringHost : PSHost
    {
        private readonly Ui _ui;

        public AnsweringHost(int width = 120) => _ui = new Ui(width);

        public Queue<string> Answers => _ui.Answers;
        public List<string> Prompts => _ui.Prompts;
        /// <summary>What was written, without the colour escapes (ESC [ ... m) PowerShell adds to labels and headers.</summary>
        public string Screen => System.Text.RegularExpressions.Regex.Replace(_ui.Screen.ToString(), "\u001b\\[[0-9;]*m", "");
        public void ClearScreen() => _ui.Screen.Clear();

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override string Name => "SecureMFA test console";
        public override PSHostUserInterface UI => _ui;
        public override Version Version => new Version(1, 0);
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }

        private sealed class Ui : PSHostUserInterface
        {
            private readonly Console _raw;

            public Ui(int width) => _raw = new Console(width);

            public Queue<string> Answers { get; } = new Queue<string>();
            public List<string> Prompts { get; } = new List<string>();
            public StringBuilder Screen { get; } = new StringBuilder();

            public override PSHostRawUserInterface RawUI => _raw;

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
            {
                Prompts.Add(caption + ": " + message);
                if (Answers.Count == 0) throw new InvalidOperationException($"Unexpected prompt: {caption}: {message}");
                var answer = Answers.Dequeue();
                var index = choices.Select(c => c.Label.Replace("&", "")).ToList().IndexOf(answer);
                if (index < 0) throw new InvalidOperationException($"No choice \"{answer}\" in: {string.Join(", ", choices.Select(c => c.Label))}");
                return index;
            }

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
                throw new InvalidOperationException($"Unexpected prompt for values: {caption}: {message}");
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
                throw new InvalidOperationException("Unexpected credential prompt");
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
                PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new InvalidOperationException("Unexpected credential prompt");
            public override string ReadLine() => throw new InvalidOperationException("Unexpected ReadLine");
            public override SecureString ReadLineAsSecureString() => throw new InvalidOperationException("Unexpected ReadLine");

            public override void Write(string value) => Screen.Append(value);
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Screen.Append(value);
            public override void WriteLine(string value) => Screen.Append(value).Append('\n');
            public override void WriteDebugLine(string message) { }
            public override void WriteErrorLine(string value) { }
            public override void WriteProgress(long sourceId, ProgressRecord record) { }
            public override void WriteVerboseLine(string message) { }
            public override void WriteWarningLine(string message) { }
        }

        /// <summary>A console of a fixed width: the formatter sizes tables to it.</summary>
        private sealed class Console : PSHostRawUserInterface
        {
            private readonly Size _size;

            public Console(int width) => _size = new Size(width, 50);

            public override ConsoleColor BackgroundColor { get; set; }
            public override Size BufferSize { get => _size; set { } }
            public override Coordinates CursorPosition { get; set; }
            public override int CursorSize { get; set; }
            public override ConsoleColor ForegroundColor { get; set; }
            public override bool KeyAvailable => false;
            public override Size MaxPhysicalWindowSize => _size;
            public override Size MaxWindowSize => _size;
            public override Coordinates WindowPosition { get; set; }
            public override Size WindowSize { get => _size; set { } }
            public override string WindowTitle { get; set; } = "";
            public override void FlushInputBuffer() { }
            public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
            public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();
            public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
            public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
            public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
        }
    }
}
