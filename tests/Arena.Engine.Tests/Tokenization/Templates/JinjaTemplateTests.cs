using Arena.Engine.Tokenization.Templates;

namespace Arena.Engine.Tests.Tokenization.Templates;

/// <summary>The interpreter's features one by one; expected outputs are what Python's Jinja2 renders with
/// trim_blocks and lstrip_blocks, as Hugging Face configures it.</summary>
public class JinjaTemplateTests
{
    private static string Render(string template, params (string Name, object? Value)[] variables) =>
        JinjaTemplate.Parse(template).Render(variables.ToDictionary(v => v.Name, v => v.Value));

    private static List<Dictionary<string, object?>> Messages(params (string Role, string Content)[] turns) =>
        turns.Select(t => new Dictionary<string, object?> { ["role"] = t.Role, ["content"] = t.Content }).ToList();

    [Theory]
    [InlineData("a {{- ' b ' -}} c", "a b c")]
    [InlineData("a\n  {%- if true %} b{% endif %}", "a b")]
    [InlineData("{% if true %}\nx\n{% endif %}\ny", "x\ny")] // trim_blocks: the newline after a block tag goes
    [InlineData("  {% if true %}x{% endif %}", "x")] // lstrip_blocks: indentation before a block tag on its own line goes
    [InlineData("a  {% if true %}x{% endif %}", "a  x")] // ... but not when the tag follows text on its line
    [InlineData("{{ 'x' }}\ny", "x\ny")] // trim_blocks leaves {{ }} alone
    [InlineData("{# note #}\nx", "x")]
    [InlineData("x\n", "x")] // keep_trailing_newline is off
    [InlineData("  {%+ if true %}x{% endif %}", "  x")]
    public void WhitespaceControl(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ 1 + 2 * 3 }}", "7")]
    [InlineData("{{ 7 // 2 }},{{ -7 // 2 }},{{ 7 % 3 }},{{ -1 % 3 }},{{ 7 / 2 }},{{ 2 ** 3 }}", "3,-4,1,2,3.5,8")]
    [InlineData("{{ 'a' ~ 1 ~ none }}", "a1None")]
    [InlineData("{{ 'a' + 'b' }}{{ [1] + [2] }}{{ 'ab' * 2 }}", "ab[1, 2]abab")]
    [InlineData("{{ 1 == 1.0 }} {{ 'a' != 'b' }} {{ 1 < 2 <= 2 }} {{ 'b' > 'a' }}", "True True True True")]
    [InlineData("{{ 'b' in 'abc' }} {{ 2 in [1, 2] }} {{ 'k' in {'k': 1} }} {{ 3 not in [1] }}", "True True True True")]
    [InlineData("{{ not false and (0 or 'x') }}", "x")]
    [InlineData("{{ 'y' if 1 > 2 else 'n' }}|{{ 'y' if false }}|", "n||")]
    [InlineData("{{ -1 | abs }} {{ -(2) }}", "1 -2")]
    [InlineData("{{ 'abcdef'[1:3] }} {{ 'abc'[::-1] }} {{ [1, 2, 3][-1] }} {{ [1, 2, 3][:-1] }}", "bc cba 3 [1, 2]")]
    [InlineData("{{ {'a': 1}['a'] }} {{ {'a': {'b': 2}}.a.b }} {{ {'a': 1}.missing is defined }}", "1 2 False")]
    [InlineData("{{ [true, none, 1.5, 'q'] }} {{ {'k': 'v'} }}", "[True, None, 1.5, 'q'] {'k': 'v'}")]
    public void Expressions(string template, string expected) => Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ '  x ' | trim }}|{{ 'ab' | upper }}|{{ 'AB' | lower }}|{{ 'hello world' | title }}|{{ 'hI' | capitalize }}", "x|AB|ab|Hello World|Hi")]
    [InlineData("{{ 'a-b-c' | replace('-', '+') }} {{ [1, 2] | length }} {{ 'héllo' | length }} {{ [1, 2] | join(', ') }}", "a+b+c 2 5 1, 2")]
    [InlineData("{{ missing | default('d') }} {{ '' | default('d', true) }} {{ '' | default('d') }}|", "d d |")]
    [InlineData("{{ [3, 1, 2] | first }}{{ [3, 1, 2] | last }}{{ [3, 1, 2] | sort | list }}{{ [1, 1, 2] | unique | list }}", "32[1, 2, 3][1, 2]")]
    [InlineData("{% for k, v in {'b': 1, 'a': 2} | items %}{{ k }}={{ v }};{% endfor %}", "b=1;a=2;")]
    [InlineData("{{ ms | selectattr('role', 'equalto', 'user') | map(attribute='content') | join }}", "ac")]
    [InlineData("{{ ms | rejectattr('role', 'equalto', 'user') | list | length }}", "1")]
    [InlineData("{{ '1' | int + 1 }} {{ 2 | string ~ '!' }} {{ 'a\nb' | indent(2) }}", "2 2! a\n  b")]
    public void Filters(string template, string expected) =>
        Assert.Equal(expected, Render(template, ("ms", Messages(("user", "a"), ("assistant", "b"), ("user", "c")))));

    [Fact]
    public void ToJsonWritesPythonJsonDumps()
    {
        var tool = new Dictionary<string, object?> { ["name"] = "f", ["args"] = new List<object?> { 1, 2.5, true, null }, ["text"] = "é\"\n" };
        Assert.Equal("{\"name\": \"f\", \"args\": [1, 2.5, true, null], \"text\": \"é\\\"\\n\"}", Render("{{ t | tojson }}", ("t", tool)));
        Assert.Equal("{\n  \"name\": \"f\",\n  \"args\": [\n    1,\n    2.5,\n    true,\n    null\n  ],\n  \"text\": \"é\\\"\\n\"\n}",
            Render("{{ t | tojson(indent=2) }}", ("t", tool)));
        Assert.Equal("[1,2]", Render("{{ [1, 2] | tojson(separators=(',', ':')) }}"));
    }

    [Theory]
    [InlineData("{{ x is defined }} {{ y is defined }} {{ y is undefined }}", "True False True")]
    [InlineData("{{ none is none }} {{ x is not none }} {{ x is string }} {{ 1 is string }} {{ 3 is divisibleby 3 }}", "True True True False True")]
    [InlineData("{{ 2 is even }} {{ 1 is odd }} {{ {} is mapping }} {{ 1 is number }} {{ 'A' is upper }}", "True True True True True")]
    [InlineData("{{ y }}|{{ y | length }}|{% for i in y %}never{% endfor %}|{{ 'z' not in y }}", "|0||True")]
    public void TestsAndLenientUndefined(string template, string expected) => Assert.Equal(expected, Render(template, ("x", "s")));

    [Theory]
    [InlineData("{{ ' a b '.strip() }}|{{ 'xxaxx'.lstrip('x') }}|{{ 'a b  c'.split() }}|{{ 'a,b'.split(',') }}", "a b|axx|['a', 'b', 'c']|['a', 'b']")]
    [InlineData("{{ 'abc'.startswith('a') }} {{ 'abc'.endswith(('x', 'c')) }} {{ 'ab'.upper() }} {{ 'a.b'.replace('.', '') }}", "True True AB ab")]
    [InlineData("{% for k, v in {'a': 1}.items() %}{{ k }}{{ v }}{% endfor %} {{ {'a': 1}.keys() | list }} {{ {'a': 1}.get('b', 'no') }}", "a1 ['a'] no")]
    public void Methods(string template, string expected) => Assert.Equal(expected, Render(template));

    [Fact]
    public void ForLoopVariablesFilterElseAndControls()
    {
        Assert.Equal("1/3a 2b 3/3c!",
            Render("{% for x in ['a', 'b', 'c'] %}{{ loop.index }}{% if loop.first or loop.last %}/{{ loop.length }}{% endif %}{{ x }}{{ ' ' if not loop.last else '!' }}{% endfor %}"));
        Assert.Equal("0b,1c,", Render("{% for x in ['a', 'b', 'c'] if x != 'a' %}{{ loop.index0 }}{{ x }},{% endfor %}"));
        Assert.Equal("empty", Render("{% for x in [] %}x{% else %}empty{% endfor %}"));
        Assert.Equal("aa-b", Render("{% for x in ['a', 'b', 'c'] %}{% if loop.index > 2 %}{% break %}{% endif %}{{ loop.previtem ~ '-' if loop.previtem is defined }}{{ x }}{% endfor %}"));
        Assert.Equal("ac", Render("{% for x in ['a', 'b', 'c'] %}{% if x == 'b' %}{% continue %}{% endif %}{{ x }}{% endfor %}"));
        Assert.Equal("012", Render("{% for i in range(3) %}{{ i }}{% endfor %}"));
    }

    [Fact]
    public void SetScopesAndNamespace()
    {
        // A set inside a loop stays in the loop; a namespace carries the value out; an if shares its scope.
        Assert.Equal("0 2 yes", Render("{% set n = 0 %}{% set ns = namespace(count=0) %}{% for x in [1, 2] %}{% set n = n + 1 %}{% set ns.count = ns.count + 1 %}{% endfor %}"
            + "{% if true %}{% set flag = 'yes' %}{% endif %}{{ n }} {{ ns.count }} {{ flag }}"));
        Assert.Equal("1-2", Render("{% set a, b = [1, 2] %}{{ a }}-{{ b }}"));
        Assert.Equal("[x]", Render("{% set block %}[{{ 'x' }}]{% endset %}{{ block }}"));
    }

    [Fact]
    public void MacrosTakeDefaultsAndKeywords()
    {
        Assert.Equal("<a:1><b:2>", Render("{% macro tag(name, value=1) %}<{{ name }}:{{ value }}>{% endmacro %}{{ tag('a') }}{{ tag('b', value=2) }}"));
    }

    [Fact]
    public void SystemMessageSetInTheTemplateIsTheDefault()
    {
        const string template = "{% set system_message = 'Default.' %}{% if messages[0]['role'] == 'system' %}{% set system_message = messages[0]['content'] %}{% endif %}"
            + "{{ '<|im_start|>system\\n' + system_message + '<|im_end|>\\n' }}{% for m in messages if m.role != 'system' %}{{ m.role }}:{{ m.content }};{% endfor %}";
        Assert.Equal("<|im_start|>system\nDefault.<|im_end|>\nuser:hi;", Render(template, ("messages", Messages(("user", "hi")))));
        Assert.Equal("<|im_start|>system\nMine.<|im_end|>\nuser:hi;", Render(template, ("messages", Messages(("system", "Mine."), ("user", "hi")))));
    }

    [Theory]
    [InlineData("{{ raise_exception('nope') }}", 1, "nope")]
    [InlineData("\n{{ x.y.z }}", 2, "'x.y' is undefined")]
    [InlineData("{{ 'a' + 1 }}", 1, "unsupported operand types for +: str and int")]
    [InlineData("{{ lipsum() }}", 1, "'lipsum' is undefined (unsupported function?)")]
    [InlineData("{{ [1].append(2) }}", 1, "unsupported method list.append()")]
    public void RenderErrorsNameTheLine(string template, int line, string message)
    {
        var e = Assert.Throws<TemplateError>(() => Render(template, ("x", new Dictionary<string, object?>())));
        Assert.Equal(line, e.Line);
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("{% include 'other' %}", "unsupported Jinja statement '{% include %}'")]
    [InlineData("{% filter upper %}x{% endfilter %}", "unsupported Jinja statement '{% filter %}'")]
    [InlineData("{{ x | wordcount }}", "unsupported Jinja filter 'wordcount'")]
    [InlineData("{% if x %}", "template ends before {% endif %}")]
    [InlineData("{{ x", "tag is never closed with }}")]
    public void UnsupportedConstructsFailAtParse(string template, string message)
    {
        var e = Assert.Throws<TemplateError>(() => JinjaTemplate.Parse(template));
        Assert.Equal(message, e.Message);
    }
}
