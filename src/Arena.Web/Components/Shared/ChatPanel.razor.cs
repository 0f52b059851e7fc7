using Arena.Contracts.Chat;
using Arena.Core;
using Arena.Core.Models;
using Arena.Web.Chat;
using Microsoft.AspNetCore.Components;

namespace Arena.Web.Components.Shared;

public sealed partial class ChatPanel : IDisposable
{
    [Inject] private IChatService Chat { get; set; } = default!;
    [Inject] private Arena.Web.Battles.JudgeContext Requester { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Options.IOptions<Arena.Web.Hosting.ArenaOptions> ChatLimits { get; set; } = default!;
    [Inject] private Arena.Web.Hosting.ModelContexts Contexts { get; set; } = default!;

    [Parameter, EditorRequired] public ArenaModel Model { get; set; } = default!;
    /// <summary>Show the sampling settings (the playground does; the model page keeps them at their defaults).</summary>
    [Parameter] public bool ShowSettings { get; set; }

    private sealed class Message(string role, string text)
    {
        public string Role { get; } = role;
        public string Text { get; set; } = text;
    }

    private readonly List<Message> _messages = [];
    private string? _input;
    private bool _useSystemPrompt;
    private string? _systemPrompt;
    private double _temperature = 0.7;
    private double _topP = 0.95;
    private int _maxTokens = 128;
    private long? _seed;
    private bool _streaming;
    // Counts finished replies (or failed attempts): a browser waits for it to move instead of guessing when a
    // stream that it cannot see has started and ended.
    private int _completedReplies;
    private string? _error;
    private CancellationTokenSource? _cts;
    private Guid _modelId;
    private int? _context;
    private int _maxTokensBound = SamplingBounds.MaxTokens;

    protected override void OnParametersSet()
    {
        if (Model.Id == _modelId) return;
        _modelId = Model.Id;
        // Max tokens within what this model's context leaves for a reply.
        _context = Contexts.Of(Model);
        _maxTokensBound = SamplingBounds.MaxReplyTokens(_context);
        _maxTokens = Math.Min(_maxTokens, _maxTokensBound);
        Stop();
        _messages.Clear();
        _error = null;
    }

    private async Task Send()
    {
        if (string.IsNullOrWhiteSpace(_input) || _streaming) return;
        _error = null;
        _messages.Add(new Message("user", _input.Trim()));
        _input = "";
        var turns = new List<ChatTurn>();
        if (_useSystemPrompt && !string.IsNullOrWhiteSpace(_systemPrompt)) turns.Add(new("system", _systemPrompt));
        turns.AddRange(_messages.Select(m => new ChatTurn(m.Role, m.Text)));
        var sampling = new SamplingParameters { Temperature = _temperature, TopP = _topP, MaxTokens = _maxTokens, Seed = _seed };
        var reply = new Message("assistant", "");
        _messages.Add(reply);
        _streaming = true;
        _cts = new CancellationTokenSource();
        try
        {
            var requester = await Requester.Get();
            await Chat.Stream(Model, turns, sampling, requester, _cts.Token).AppendAll(piece => reply.Text += piece, StateHasChanged);
        }
        catch (OperationCanceledException) { reply.Text += " [stopped]"; }
        catch (ChatException e) { _error = Sentence.Of(e.Message); }
        catch (DomainException e) { _error = Sentence.Of(e.Message); }
        finally
        {
            if (reply.Text.Length == 0) _messages.Remove(reply);
            _streaming = false;
            _completedReplies++;
            _cts?.Dispose();
            _cts = null;
        }
    }

    private void Stop() => _cts?.Cancel();

    private void Clear()
    {
        _messages.Clear();
        _error = null;
    }

    public void Dispose() => _cts?.Cancel();
}
