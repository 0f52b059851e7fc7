using System.Text;

namespace Arena.Engine.Tokenization.Templates;

/// <summary>Runs a parsed template against its variables and writes the text.</summary>
internal sealed class TemplateEvaluator
{
    private enum Flow { Normal, Break, Continue }

    public static string Render(IReadOnlyList<TemplateStatement> body, TemplateScope globals)
    {
        var output = new StringBuilder();
        new TemplateEvaluator().Execute(body, new TemplateScope(globals), output);
        return output.ToString();
    }

    private Flow Execute(IReadOnlyList<TemplateStatement> body, TemplateScope scope, StringBuilder output)
    {
        foreach (TemplateStatement statement in body)
        {
            Flow flow = ExecuteOne(statement, scope, output);
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private Flow ExecuteOne(TemplateStatement statement, TemplateScope scope, StringBuilder output)
    {
        switch (statement)
        {
            case TextStatement text:
                output.Append(text.Text);
                return Flow.Normal;
            case OutputStatement print:
                output.Append(TemplateValues.ToText(Evaluate(print.Value, scope)));
                return Flow.Normal;
            case IfStatement branch:
                foreach ((TemplateExpression condition, IReadOnlyList<TemplateStatement> body) in branch.Branches)
                {
                    if (TemplateValues.IsTruthy(Evaluate(condition, scope)))
                    {
                        return Execute(body, scope, output);
                    }
                }

                return Execute(branch.Else, scope, output);
            case ForStatement loop:
                ExecuteFor(loop, scope, output);
                return Flow.Normal;
            case SetStatement set:
                Assign(set, Evaluate(set.Value, scope), scope);
                return Flow.Normal;
            case SetBlockStatement block:
                var captured = new StringBuilder();
                Execute(block.Body, scope, captured);
                scope.Set(block.Target, captured.ToString());
                return Flow.Normal;
            case MacroStatement macro:
                scope.Set(macro.Name, DefineMacro(macro, scope));
                return Flow.Normal;
            case LoopControlStatement control:
                return control.IsBreak ? Flow.Break : Flow.Continue;
            case GenerationStatement generation:
                return Execute(generation.Body, scope, output);
            default:
                throw new TemplateError(statement.Line, $"unsupported statement {statement.GetType().Name}");
        }
    }

    private void ExecuteFor(ForStatement loop, TemplateScope scope, StringBuilder output)
    {
        object? source = Evaluate(loop.Items, scope);
        List<object?> items = TemplateValues.Iterate(loop.Line, source);
        if (loop.Condition is not null)
        {
            // The loop filter runs before the loop, so loop.index, loop.last and loop.length count kept items only.
            items = items.Where(item => TemplateValues.IsTruthy(Evaluate(loop.Condition, Bind(loop, item, new TemplateScope(scope))))).ToList();
        }

        if (items.Count == 0)
        {
            Execute(loop.Else, scope, output);
            return;
        }

        for (int i = 0; i < items.Count; i++)
        {
            TemplateScope iteration = Bind(loop, items[i], new TemplateScope(scope));
            iteration.Set("loop", LoopVariable(items, i));
            if (Execute(loop.Body, iteration, output) == Flow.Break)
            {
                break;
            }
        }
    }

    private static TemplateScope Bind(ForStatement loop, object? item, TemplateScope scope)
    {
        if (loop.Targets.Count == 1)
        {
            scope.Set(loop.Targets[0], item);
            return scope;
        }

        Unpack(loop.Line, loop.Targets, item, scope);
        return scope;
    }

    private static void Unpack(int line, IReadOnlyList<string> targets, object? value, TemplateScope scope)
    {
        List<object?> parts = TemplateValues.Iterate(line, value);
        if (parts.Count != targets.Count)
        {
            throw new TemplateError(line, $"cannot unpack {parts.Count} values into {targets.Count} names");
        }

        for (int i = 0; i < targets.Count; i++)
        {
            scope.Set(targets[i], parts[i]);
        }
    }

    private static OrderedDictionary<object, object?> LoopVariable(List<object?> items, int i)
    {
        OrderedDictionary<object, object?> loop = TemplateValues.NewDict();
        loop["index"] = (long)i + 1;
        loop["index0"] = (long)i;
        loop["revindex"] = (long)(items.Count - i);
        loop["revindex0"] = (long)(items.Count - i - 1);
        loop["first"] = i == 0;
        loop["last"] = i == items.Count - 1;
        loop["length"] = (long)items.Count;
        if (i > 0) loop["previtem"] = items[i - 1];
        if (i < items.Count - 1) loop["nextitem"] = items[i + 1];
        loop["cycle"] = new TemplateCallable("loop.cycle", (line, args, _) =>
            args.Count > 0 ? args[i % args.Count] : throw new TemplateError(line, "loop.cycle needs arguments"));
        return loop;
    }

    private static void Assign(SetStatement set, object? value, TemplateScope scope)
    {
        if (set.Namespace is not null)
        {
            if (scope.Get(set.Namespace) is not TemplateNamespace ns)
            {
                throw new TemplateError(set.Line, $"cannot set '{set.Namespace}.{set.Targets[0]}': '{set.Namespace}' is not a namespace()");
            }

            ns.Attributes[set.Targets[0]] = value;
        }
        else if (set.Targets.Count == 1)
        {
            scope.Set(set.Targets[0], value);
        }
        else
        {
            Unpack(set.Line, set.Targets, value, scope);
        }
    }

    private TemplateCallable DefineMacro(MacroStatement macro, TemplateScope definedIn) =>
        new(macro.Name, (line, args, named) =>
        {
            var scope = new TemplateScope(definedIn);
            for (int i = 0; i < macro.Parameters.Count; i++)
            {
                (string name, TemplateExpression? fallback) = macro.Parameters[i];
                object? value = i < args.Count ? args[i]
                    : named.TryGetValue(name, out object? given) ? given
                    : fallback is not null ? Evaluate(fallback, scope) : new TemplateUndefined(name);
                scope.Set(name, value);
            }

            if (args.Count > macro.Parameters.Count)
            {
                throw new TemplateError(line, $"macro '{macro.Name}' takes {macro.Parameters.Count} arguments, got {args.Count}");
            }

            var output = new StringBuilder();
            Execute(macro.Body, scope, output);
            return output.ToString();
        });

    private object? Evaluate(TemplateExpression expression, TemplateScope scope) =>
        TemplateExpressionEvaluator.Evaluate(expression, scope);
}
