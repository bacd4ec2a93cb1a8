using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace CchcBot.Reminders;

/// <summary>
/// A fixed number of senders working through a short queue, so a sweep keeps the same number of recipients in flight
/// from its first agency to its last — the next agency is read while this one's messages go out — instead of draining
/// at each agency's end. The first failed send stops the rest (<see cref="Token"/> is cancelled) and
/// <see cref="CompleteAsync"/> rethrows it; disposing without completing lets what is queued finish.
/// </summary>
internal sealed class SendPipeline : IAsyncDisposable
{
    private readonly Channel<Work> _queue;
    private readonly CancellationTokenSource _stop;
    private readonly Task _senders;
    private readonly List<Task> _followUps = [];
    private Exception? _failure;

    public SendPipeline(int senders, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(senders) { SingleWriter = true });
        _senders = Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(SendLoopAsync)));
    }

    /// <summary>Cancelled when the caller cancels or a send failed.</summary>
    public CancellationToken Token => _stop.Token;

    public bool Failed => Volatile.Read(ref _failure) is not null;

    /// <summary>Queues a send (waiting while the queue is full); the task returned completes when it has been sent.</summary>
    public async Task<Task> QueueAsync(Func<CancellationToken, Task> send, CancellationToken ct)
    {
        var work = new Work(send, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(work, ct);
        return work.Done.Task;
    }

    /// <summary>Runs <paramref name="followUp"/> once every one of <paramref name="sends"/> has succeeded (never when one failed).</summary>
    public void After(IReadOnlyList<Task> sends, Func<CancellationToken, Task> followUp)
    {
        lock (_followUps)
        {
            _followUps.Add(RunAfterAsync(sends, followUp));
        }
    }

    /// <summary>Waits for every queued send and follow-up; rethrows the first failure.</summary>
    public async Task CompleteAsync()
    {
        await DrainAsync();
        if (Volatile.Read(ref _failure) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DrainAsync();
        _stop.Dispose();
    }

    private async Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        await _senders;
        Task[] followUps;
        lock (_followUps)
        {
            followUps = [.. _followUps];
        }

        await Task.WhenAll(followUps);
    }

    private async Task SendLoopAsync()
    {
        await foreach (var work in _queue.Reader.ReadAllAsync())
        {
            if (_stop.IsCancellationRequested)
            {
                work.Done.TrySetCanceled(_stop.Token);
                continue;
            }

            try
            {
                await work.Send(_stop.Token);
                work.Done.TrySetResult();
            }
            catch (Exception e)
            {
                work.Done.TrySetException(e);
                Fail(e);
            }
        }
    }

    private async Task RunAfterAsync(IReadOnlyList<Task> sends, Func<CancellationToken, Task> followUp)
    {
        try
        {
            await Task.WhenAll(sends);
        }
        catch (Exception)
        {
            return; // the failed send is the failure to report
        }

        try
        {
            await followUp(_stop.Token);
        }
        catch (Exception e)
        {
            Fail(e);
        }
    }

    private void Fail(Exception e)
    {
        if (Interlocked.CompareExchange(ref _failure, e, null) is null)
        {
            _stop.Cancel();
        }
    }

    private sealed record Work(Func<CancellationToken, Task> Send, TaskCompletionSource Done);
}
