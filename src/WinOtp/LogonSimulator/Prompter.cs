using System;
using System.IO;
using System.Text;

namespace SecureMFA.WinOtp.LogonSimulator
{
    /// <summary>Asks one line per prompt; in a terminal the password is masked, from a script it is read as a plain line.</summary>
    public sealed class Prompter
    {
        private readonly TextReader _input;
        private readonly TextWriter _output;
        private readonly bool _terminal;

        public Prompter(TextReader input, TextWriter output, bool terminal)
        {
            _input = input;
            _output = output;
            _terminal = terminal;
        }

        /// <summary>The answer, or null at the end of the input.</summary>
        public string? Ask(string prompt)
        {
            _output.Write($"{prompt}: ");
            _output.Flush();
            var line = _input.ReadLine();
            if (!_terminal) _output.WriteLine();
            return line;
        }

        public string? AskSecret(string prompt)
        {
            if (!_terminal) return Ask(prompt);
            _output.Write($"{prompt}: ");
            var text = new StringBuilder();
            while (true)
            {
                var key = Console.ReadKey(true);
                if (key.Key == ConsoleKey.Enter) break;
                if (key.Key == ConsoleKey.Backspace)
                {
                    if (text.Length == 0) continue;
                    text.Length--;
                    _output.Write("\b \b");
                    continue;
                }
                if (char.IsControl(key.KeyChar)) continue;
                text.Append(key.KeyChar);
                _output.Write('*');
            }
            _output.WriteLine();
            return text.ToString();
        }
    }
}
