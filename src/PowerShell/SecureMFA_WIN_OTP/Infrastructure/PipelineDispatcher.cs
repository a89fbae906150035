using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace SecureMFA.WinOtp.Cmdlets.Infrastructure
{
    /// <summary>
    /// WinOtp.Core's calls are asynchronous and continue on pool threads (ConfigureAwait(false)), but a cmdlet may
    /// run PowerShell commands only on its pipeline thread. <see cref="Run"/> runs the work on a pool thread and,
    /// meanwhile, executes on the pipeline thread every seam call (<see cref="Invoke"/>) the work makes.
    /// </summary>
    public sealed class PipelineDispatcher
    {
        private readonly BlockingCollection<Action> _calls = new BlockingCollection<Action>();
        private readonly int _pipelineThread = Thread.CurrentThread.ManagedThreadId;

        public T Run<T>(Func<Task<T>> work)
        {
            var task = Task.Run(work);
            while (!task.IsCompleted)
                if (_calls.TryTake(out var call, 20)) call();
            while (_calls.TryTake(out var left)) left();
            return task.GetAwaiter().GetResult();
        }

        public T Invoke<T>(Func<T> call)
        {
            if (Thread.CurrentThread.ManagedThreadId == _pipelineThread) return call();
            var done = new TaskCompletionSource<T>();
            _calls.Add(() =>
            {
                try { done.SetResult(call()); }
                catch (Exception e) { done.SetException(e); }
            });
            return done.Task.GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// A WinOtp.Core seam answered by the module's platform commands: every call is made on the pipeline thread, the only
    /// thread where a cmdlet may run PowerShell commands, whichever thread WinOtp.Core calls from.
    /// </summary>
    internal abstract class PipelineSeam
    {
        private readonly PlatformCommands _platform;
        private readonly PipelineDispatcher _dispatcher;

        protected PipelineSeam(PlatformCommands platform, PipelineDispatcher dispatcher)
        {
            _platform = platform ?? throw new ArgumentNullException(nameof(platform));
            _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        }

        /// <summary>Runs <paramref name="call"/> with the platform commands on the pipeline thread.</summary>
        protected T OnPipeline<T>(Func<PlatformCommands, T> call) => _dispatcher.Invoke(() => call(_platform));
    }
}
