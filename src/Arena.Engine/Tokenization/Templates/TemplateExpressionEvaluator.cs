namespace Arena.Engine.Tokenization.Templates;

/// <summary>Evaluates expressions: names, literals, operators with Python's short-circuiting, access, calls, filters, tests.</summary>
internal static class TemplateExpressionEvaluator
{
    public static object? Evaluate(TemplateExpression expression, TemplateScope scope)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                return literal.Value;
            case NameExpression name:
                return scope.Get(name.Name);
            case ListExpression list:
                return list.Items.Select(item => Evaluate(item, scope)).ToList();
            case DictExpression dict:
                OrderedDictionary<object, object?> result = TemplateValues.NewDict();
                foreach ((TemplateExpression key, TemplateExpression value) in dict.Entries)
                {
                    result[Evaluate(key, scope) ?? throw new TemplateError(dict.Line, "a dict key cannot be none")] = Evaluate(value, scope);
                }

                return result;
            case AttributeExpression attribute:
                return TemplateAccess.Attribute(attribute.Line, Evaluate(attribute.Target, scope), attribute.Name, Describe(attribute.Target));
            case IndexExpression index:
                return TemplateAccess.Item(index.Line, Evaluate(index.Target, scope), Evaluate(index.Index, scope), Describe(index.Target));
            case SliceExpression slice:
                return TemplateAccess.Slice(slice.Line, Evaluate(slice.Target, scope), Optional(slice.Start, scope), Optional(slice.Stop, scope),
                    Optional(slice.Step, scope));
            case BinaryExpression { Operator: "and" } and:
                object? left = Evaluate(and.Left, scope);
                return TemplateValues.IsTruthy(left) ? Evaluate(and.Right, scope) : left;
            case BinaryExpression { Operator: "or" } or:
                object? first = Evaluate(or.Left, scope);
                return TemplateValues.IsTruthy(first) ? first : Evaluate(or.Right, scope);
            case BinaryExpression binary:
                return TemplateOperators.Binary(binary.Line, binary.Operator, Evaluate(binary.Left, scope), Evaluate(binary.Right, scope));
            case UnaryExpression unary:
                return TemplateOperators.Unary(unary.Line, unary.Operator, Evaluate(unary.Operand, scope));
            case ConditionalExpression conditional:
                return TemplateValues.IsTruthy(Evaluate(conditional.Condition, scope)) ? Evaluate(conditional.Then, scope)
                    : conditional.Else is null ? new TemplateUndefined("conditional without else") : Evaluate(conditional.Else, scope);
            case FilterExpression filter:
                (List<object?> filterArgs, Dictionary<string, object?> filterNamed) = Arguments(filter.Arguments, scope);
                return TemplateFilters.Apply(filter.Line, filter.Name, Evaluate(filter.Target, scope), filterArgs, filterNamed);
            case TestExpression test:
                (List<object?> testArgs, _) = Arguments(test.Arguments, scope);
                return TemplateTests.Apply(test.Line, test.Name, Evaluate(test.Target, scope), testArgs) != test.Negated;
            case CallExpression call:
                return Call(call, scope);
            default:
                throw new TemplateError(expression.Line, $"unsupported expression {expression.GetType().Name}");
        }
    }

    private static object? Call(CallExpression call, TemplateScope scope)
    {
        (List<object?> args, Dictionary<string, object?> named) = Arguments(call.Arguments, scope);
        if (call.Callee is AttributeExpression method)
        {
            object? target = Evaluate(method.Target, scope);
            // A callable stored under that name (loop.cycle, a macro in a namespace) wins over a method of the value.
            object? member = target is OrderedDictionary<object, object?> or TemplateNamespace
                ? TemplateAccess.Attribute(call.Line, target, method.Name, Describe(method.Target)) : null;
            return member is TemplateCallable stored
                ? stored.Invoke(call.Line, args, named)
                : TemplateMethods.Call(call.Line, target, method.Name, args, named);
        }

        return Evaluate(call.Callee, scope) switch
        {
            TemplateCallable callable => callable.Invoke(call.Line, args, named),
            TemplateUndefined u => throw new TemplateError(call.Line, $"'{u.Name}' is undefined (unsupported function?)"),
            var other => throw new TemplateError(call.Line, $"{TemplateValues.TypeName(other)} is not callable"),
        };
    }

    private static (List<object?>, Dictionary<string, object?>) Arguments(TemplateArguments arguments, TemplateScope scope) =>
        (arguments.Positional.Select(a => Evaluate(a, scope)).ToList(),
         arguments.Named.ToDictionary(n => n.Name, n => Evaluate(n.Value, scope), StringComparer.Ordinal));

    private static object? Optional(TemplateExpression? expression, TemplateScope scope) =>
        expression is null ? null : Evaluate(expression, scope);

    /// <summary>A short description of an expression for "'messages[0]' is undefined" messages.</summary>
    private static string Describe(TemplateExpression expression) => expression switch
    {
        NameExpression name => name.Name,
        AttributeExpression attribute => $"{Describe(attribute.Target)}.{attribute.Name}",
        IndexExpression { Index: LiteralExpression literal } index => $"{Describe(index.Target)}[{TemplateValues.Repr(literal.Value)}]",
        IndexExpression index => $"{Describe(index.Target)}[...]",
        _ => "value",
    };
}
