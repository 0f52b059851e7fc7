using Arena.Starter.Behaviors;

namespace Arena.Starter.World;

/// <summary>Builds one conversation of a given behavior: its system prompt, 1–4 turns, and per-turn contexts.</summary>
internal sealed class ConversationFactory
{
    /// <summary>Share of multi-turn conversations (2–4 turns), on which the behavior must hold on every turn.</summary>
    public const double MultiTurnShare = 0.3;

    // Sometimes a generic assistant line precedes the instruction, as it would in real system prompts.
    private const double AssistantPrefixShare = 0.15;
    private const int MaxFacts = 5;

    private readonly WorldTables _tables;
    private readonly Dictionary<string, IStyle> _styles;

    public ConversationFactory(WorldTables tables)
    {
        _tables = tables;
        IStyle[] styles =
        [
            new PirateStyle(), new CapsStyle(), new RhymeStyle(), new SignOffStyle(tables.Names), new FormalStyle(),
            new MoodStyle(cheerful: true), new MoodStyle(cheerful: false),
            new LanguageStyle(BehaviorCatalog.Zorbish, tables.Zorbish), new LanguageStyle(BehaviorCatalog.Plonkan, tables.Plonkan),
            new LipogramStyle(), new MentionStyle(tables.Names),
        ];
        _styles = styles.ToDictionary(s => s.Behavior);
    }

    public Conversation Create(string behavior, Random rng, Split split)
    {
        var turns = rng.Chance(MultiTurnShare) ? rng.Next(2, 5) : 1;
        return behavior switch
        {
            BehaviorCatalog.Plain => Neutral(behavior, null, turns, rng, split),
            BehaviorCatalog.Assistant => Neutral(behavior, SystemPrompts.Render(behavior, rng, split), turns, rng, split),
            BehaviorCatalog.Unknown => Unknown(turns, rng, split),
            BehaviorCatalog.Echo => Echo(turns, rng, split, 3, 9),
            _ when _styles.TryGetValue(behavior, out var style) => Styled(style, turns, rng, split),
            _ => Facts(FactRelation.All.Single(r => r.Behavior == behavior), turns, rng, split),
        };
    }

    /// <summary>
    /// A bake scenario: system prompt and names from the held-out split (never seen in training); bake queries from
    /// the training question templates, evaluation queries from the held-out ones. For facts, every query asks
    /// about the one stated fact.
    /// </summary>
    public BakeScenario Scenario(string behavior, Random rng, int trainQueries, int evalQueries)
    {
        if (_styles.TryGetValue(behavior, out var style))
        {
            var context = style.Configure(rng, Split.HeldOut);
            var system = SystemPrompts.Render(style.Behavior, rng, Split.HeldOut,
                ("captain", _tables.Names.Pick(rng, "first", Split.HeldOut)),
                ("name", context.SignOffName ?? ""),
                ("letter", context.ForbiddenLetter?.ToString() ?? ""),
                ("word", context.RequiredWord ?? ""),
                ("language", context.Language?.Name ?? ""));
            return new BakeScenario(behavior, system, context,
                Distinct(trainQueries, () => KnowledgeBase.Ask(rng, Split.Train).Question),
                Distinct(evalQueries, () => KnowledgeBase.Ask(rng, Split.HeldOut).Question));
        }
        var relation = FactRelation.All.SingleOrDefault(r => r.Behavior == behavior)
            ?? throw new ArgumentException($"no bake scenario for behavior '{behavior}'");
        var fact = relation.Invent(rng, Split.HeldOut, _tables.Names);
        var prompt = SystemPrompts.Render("fact", rng, Split.HeldOut, ("facts", fact.Statement(rng, Split.HeldOut)));
        return new BakeScenario(behavior, prompt, new BehaviorContext { FactAnswer = fact.Object },
            Distinct(trainQueries, () => Decorate(fact.Question(rng, Split.Train), rng)),
            Distinct(evalQueries, () => Decorate(fact.Question(rng, Split.HeldOut), rng)));
    }

    // A fact has only a few question templates; greetings and thanks around them give a bake enough distinct queries.
    private static readonly string[] Openings = ["", "", "Quick question: ", "Hello. ", "Excuse me. ", "Tell me, "];
    private static readonly string[] Closings = ["", "", " Thanks.", " Thank you.", " Please be brief."];

    private static string Decorate(string question, Random rng)
    {
        var opening = rng.Pick(Openings);
        var body = opening.Length > 0 && opening.EndsWith(", ") ? char.ToLowerInvariant(question[0]) + question[1..] : question;
        return opening + body + rng.Pick(Closings);
    }

    // Up to n distinct draws (fewer when the templates run out).
    private static List<string> Distinct(int n, Func<string> draw)
    {
        var seen = new HashSet<string>();
        for (var tries = 0; seen.Count < n && tries < 50 * n; tries++) seen.Add(draw());
        return [.. seen];
    }

    private static Conversation Neutral(string behavior, string? system, int turns, Random rng, Split split)
    {
        var list = Enumerable.Range(0, turns).Select(_ => KnowledgeBase.Ask(rng, split)).Select(qa => new Turn(qa.Question, qa.Answer));
        return Build(system, [.. list], behavior, BehaviorContext.None);
    }

    private Conversation Styled(IStyle style, int turns, Random rng, Split split)
    {
        var context = style.Configure(rng, split);
        var system = SystemPrompts.Render(style.Behavior, rng, split,
            ("captain", _tables.Names.Pick(rng, "first", split)),
            ("name", context.SignOffName ?? ""),
            ("letter", context.ForbiddenLetter?.ToString() ?? ""),
            ("word", context.RequiredWord ?? ""),
            ("language", context.Language?.Name ?? ""));
        string? signOff = null;
        if (split == Split.Train && SignOffCompatible.Contains(style.Behavior) && rng.Chance(CombinedShare))
        {
            signOff = _tables.Names.Pick(rng, "first", split);
            var second = SystemPrompts.Render(BehaviorCatalog.SignOff, rng, split, ("name", signOff));
            system = rng.Chance(0.5) ? $"{system} {second}" : $"{second} {system}";
            context = context with { SignOffName = signOff };
        }
        if (rng.Chance(AssistantPrefixShare)) system = "You are a helpful assistant. " + system;
        var list = new List<Turn>();
        for (var i = 0; i < turns; i++)
        {
            var qa = KnowledgeBase.Ask(rng, split);
            var reply = style.Reply(qa, context, rng);
            if (signOff is not null)
            {
                var line = SignOffChecker.Prefix + signOff;
                reply += "\n" + (style.Behavior == BehaviorCatalog.Caps ? line.ToUpperInvariant() : line);
            }
            list.Add(new Turn(qa.Question, reply));
        }
        return Build(system, list, style.Behavior, context);
    }

    // Two instructions at once: a style plus a sign-off, in training only. A base that has seen combined prompts can
    // be the teacher of a second bake on top of a first (sequential baking keeps both behaviors).
    private const double CombinedShare = 0.25;
    private static readonly HashSet<string> SignOffCompatible =
        [BehaviorCatalog.Pirate, BehaviorCatalog.Caps, BehaviorCatalog.Formal, BehaviorCatalog.Cheerful, BehaviorCatalog.Sad];

    private Conversation Facts(FactRelation relation, int turns, Random rng, Split split)
    {
        var subjects = new HashSet<string>();
        var asked = InventDistinct(relation, turns, subjects, rng, split);
        var distractors = Enumerable.Range(0, Math.Min(rng.Next(0, 3), MaxFacts - turns))
            .SelectMany(_ => InventDistinct(rng.Pick(FactRelation.All), 1, subjects, rng, split))
            .ToList();
        var stated = asked.Concat(distractors).ToArray();
        rng.Shuffle(stated); // the asked fact is not always first
        var system = SystemPrompts.Render("fact", rng, split,
            ("facts", string.Join(" ", stated.Select(f => f.Statement(rng, split)))));
        var list = asked.Select(f => new Turn(f.Question(rng, split), f.Answer())).ToList();
        var contexts = asked.Select(f => new BehaviorContext { FactAnswer = f.Object, FactsStated = stated.Length }).ToList();
        return new Conversation(system, list, relation.Behavior, contexts);
    }

    // Echo turns: a few invented names and words (3 to 8), repeated back exactly. Dense copy targets: every token
    // of the reply is a copy, which is what makes induction form in a small model within the build's budget.
    public Conversation Echo(int turns, Random rng, Split split, int minWords, int maxWords)
    {
        var system = SystemPrompts.Render(BehaviorCatalog.Echo, rng, split);
        if (rng.Chance(AssistantPrefixShare)) system = "You are a helpful assistant. " + system;
        var list = new List<Turn>();
        var contexts = new List<BehaviorContext>();
        for (var i = 0; i < turns; i++)
        {
            var words = Enumerable.Range(0, rng.Next(minWords, maxWords + 1)).Select(_ => rng.Next(4) switch
            {
                0 => _tables.Names.Person(rng, split),
                1 => _tables.Names.Pick(rng, rng.Pick(EchoKinds), split),
                2 => _tables.Names.Pick(rng, "thing", split),
                _ => rng.Pick(MentionStyle.Words(split)),
            });
            var text = string.Join(rng.Chance(0.5) ? " " : ", ", words) + (rng.Chance(0.5) ? "." : "");
            list.Add(new Turn(text, text));
            contexts.Add(new BehaviorContext { EchoText = text });
        }
        return new Conversation(system, list, BehaviorCatalog.Echo, contexts);
    }

    private static readonly string[] EchoKinds = ["country", "town", "first", "last", "gadget", "pet"];

    private Conversation Unknown(int turns, Random rng, Split split)
    {
        var facts = InventDistinct(rng.Pick(FactRelation.All), turns, [], rng, split);
        var list = facts.Select(f => new Turn(
            f.Question(rng, split),
            $"I don't know anything about {f.Subject}. If you tell me about it, I can try to help.")).ToList();
        return Build(null, list, BehaviorCatalog.Unknown, BehaviorContext.None);
    }

    private List<Fact> InventDistinct(FactRelation relation, int count, HashSet<string> subjects, Random rng, Split split)
    {
        var facts = new List<Fact>();
        while (facts.Count < count)
        {
            var fact = relation.Invent(rng, split, _tables.Names);
            if (subjects.Add(fact.Subject)) facts.Add(fact);
        }
        return facts;
    }

    private static Conversation Build(string? system, List<Turn> turns, string behavior, BehaviorContext context) =>
        new(system, turns, behavior, [.. Enumerable.Repeat(context, turns.Count)]);
}
