using System.Text.Json.Nodes;
using Arena.Evaluation.Instructions;

namespace Arena.Evaluation.Tests.Instructions;

public class IfEvalInputLinesTests
{
    // Twenty lines of IFEval's published input_data.jsonl (google-research/google-research,
    // instruction_following_eval/data, Apache-2.0), copied unchanged: every instruction must build from them as they are.
    private const string InputLines = """
        {"key": 1000, "prompt": "Write a 300+ word summary of the wikipedia page \"https://en.wikipedia.org/wiki/Raymond_III,_Count_of_Tripoli\". Do not use any commas and highlight at least 3 sections that has titles in markdown format, for example *highlighted section part 1*, *highlighted section part 2*, *highlighted section part 3*.", "instruction_id_list": ["punctuation:no_comma", "detectable_format:number_highlighted_sections", "length_constraints:number_words"], "kwargs": [{}, {"num_highlights": 3}, {"relation": "at least", "num_words": 300}]}
        {"key": 1005, "prompt": "Write a resume for a fresh high school graduate who is seeking their first job. Make sure to include at least 12 placeholder represented by square brackets, such as [address], [name].", "instruction_id_list": ["detectable_content:number_placeholders"], "kwargs": [{"num_placeholders": 12}]}
        {"key": 1012, "prompt": "Write an email to my boss telling him that I am quitting. The email must contain a title wrapped in double angular brackets, i.e. <<title>>.\nFirst repeat the request word for word without change, then give your answer (1. do not say any words or characters before repeating the request; 2. the request you need to repeat does not include this sentence)", "instruction_id_list": ["combination:repeat_prompt", "detectable_format:title"], "kwargs": [{"prompt_to_repeat": "Write an email to my boss telling him that I am quitting. The email must contain a title wrapped in double angular brackets, i.e. <<title>>."}, {}]}
        {"key": 1019, "prompt": "Given the sentence \"Two young boys with toy guns and horns.\" can you ask a question? Please ensure that your response is in English, and in all lowercase letters. No capital letters are allowed.", "instruction_id_list": ["change_case:english_lowercase"], "kwargs": [{}]}
        {"key": 102, "prompt": "Write a dialogue between two people, one is dressed up in a ball gown and the other is dressed down in sweats. The two are going to a nightly event. Your answer must contain exactly 3 bullet points in the markdown format (use \"* \" to indicate each bullet) such as:\n* This is the first point.\n* This is the second point.", "instruction_id_list": ["detectable_format:number_bullet_lists"], "kwargs": [{"num_bullets": 3}]}
        {"key": 1021, "prompt": "Write a 2 paragraph critique of the following sentence in all capital letters, no lowercase letters allowed: \"If the law is bad, you should not follow it\". Label each paragraph with PARAGRAPH X.", "instruction_id_list": ["change_case:english_capital", "detectable_format:multiple_sections"], "kwargs": [{}, {"section_spliter": "PARAGRAPH", "num_sections": 2}]}
        {"key": 1040, "prompt": "Write me a resume for Matthias Algiers. Use words with all capital letters to highlight key abilities, but make sure that words with all capital letters appear less than 10 times. Wrap the entire response with double quotation marks.", "instruction_id_list": ["change_case:capital_word_frequency", "change_case:capital_word_frequency", "startend:quotation"], "kwargs": [{"capital_relation": "less than", "capital_frequency": 10}, {"capital_relation": "at least", "capital_frequency": 1}, {}]}
        {"key": 1069, "prompt": "Write a long email template that invites a group of participants to a meeting, with at least 500 words. The email must include the keywords \"correlated\" and \"experiencing\" and should not use any commas.", "instruction_id_list": ["keywords:existence", "length_constraints:number_words", "punctuation:no_comma"], "kwargs": [{"keywords": ["correlated", "experiencing"]}, {"relation": "at least", "num_words": 500}, {}]}
        {"key": 1075, "prompt": "Can you help me make an advertisement for a new product? It's a diaper that's designed to be more comfortable for babies and I want the entire output in JSON format.", "instruction_id_list": ["detectable_format:json_format"], "kwargs": [{}]}
        {"key": 1082, "prompt": "Write a story of exactly 2 paragraphs about a man who wakes up one day and realizes that he's inside a video game. Separate the paragraphs with the markdown divider: ***", "instruction_id_list": ["length_constraints:number_paragraphs"], "kwargs": [{"num_paragraphs": 2}]}
        {"key": 1098, "prompt": "What is a name that people call God? Please give exactly two different responses. Separate the responses with 6 asterisk symbols: ******.", "instruction_id_list": ["combination:two_responses"], "kwargs": [{}]}
        {"key": 1108, "prompt": "Are hamburgers sandwiches? Please respond using only the Kannada language, no other language is allowed.", "instruction_id_list": ["language:response_language"], "kwargs": [{"language": "kn"}]}
        {"key": 1122, "prompt": "make a tweet for playboy's twitter account without using capital letters. Include at least 4 hashtags, starting with '#'", "instruction_id_list": ["change_case:english_lowercase", "keywords:letter_frequency"], "kwargs": [{}, {"let_relation": "at least", "letter": "#", "let_frequency": 4}]}
        {"key": 1127, "prompt": "Write a poem about how I am missing my classes. The poem must have 4 sections marked with SECTION X. Finish the poem with this exact phrase: \"Can I get my money back for the classes I missed?\"", "instruction_id_list": ["detectable_format:multiple_sections", "startend:end_checker"], "kwargs": [{"section_spliter": "SECTION", "num_sections": 4}, {"end_phrase": "Can I get my money back for the classes I missed?"}]}
        {"key": 1174, "prompt": "Write a template for a chat bot that takes a user's location and gives them the weather forecast. Use the letter o as a keyword in the syntax of the template. The letter o should appear at least 6 times.. Your response should contain fewer than 6 sentences. Highlight at least 2 text sections, i.e. *highlighted section*.", "instruction_id_list": ["keywords:letter_frequency", "length_constraints:number_sentences", "detectable_format:number_highlighted_sections"], "kwargs": [{"let_relation": "less than", "letter": "o", "let_frequency": 6}, {"relation": "less than", "num_sentences": 6}, {"num_highlights": 2}]}
        {"key": 1219, "prompt": "Which one is a better brand for sneakers: Prada or Nike? Your entire response should be in English, and in all capital letters. At the end of your response, please explicitly add a postscript starting with P.S. The word sneaker should appear 10 or more times in your response.", "instruction_id_list": ["change_case:english_capital", "detectable_content:postscript", "keywords:frequency"], "kwargs": [{}, {"postscript_marker": "P.S."}, {"relation": "at least", "keyword": "sneaker", "frequency": 10}]}
        {"key": 1246, "prompt": "Write me a template for a product description in the form of a poem and end it with a post script starting with P.P.S", "instruction_id_list": ["detectable_content:postscript"], "kwargs": [{"postscript_marker": "P.P.S"}]}
        {"key": 1466, "prompt": "Write a song that critiques the song \"We Are Never Ever Getting Back Together\" by Taylor Swift. Wrap your entire response with double quotation marks. Do not mention the word Taylor, Swift, or Together.", "instruction_id_list": ["startend:quotation", "keywords:forbidden_words"], "kwargs": [{}, {"forbidden_words": ["taylor", "swift", "together"]}]}
        {"key": 1582, "prompt": "Criticize this sentence in a funny way: \"Nhi\u1ec7m v\u1ee5 c\u1ee7a m\u1eb9 l\u00e0 nu\u00f4i d\u1ea1y con c\u00e1i.\"\n\nProvide exactly two critiques separated by ******. Each response should be entirely in Vietnamese, no other language is allowed, and should not contain commas.", "instruction_id_list": ["combination:two_responses", "language:response_language", "punctuation:no_comma"], "kwargs": [{}, {"language": "vi"}, {}]}
        {"key": 1609, "prompt": "What's a good way to ask Sonia out? Please reply with exactly 4 paragraphs and separate each paragraph with two new lines. Put double quotation marks around your entire response. The very first paragraph must start with the word \"weekend\".", "instruction_id_list": ["length_constraints:nth_paragraph_first_word", "startend:quotation"], "kwargs": [{"first_word": "weekend", "num_paragraphs": 4, "nth_paragraph": 1}, {}]}
        """;

    private static string[] AllLines => InputLines.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static TheoryData<string> Lines()
    {
        var data = new TheoryData<string>();
        foreach (var line in AllLines) data.Add(line);
        return data;
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void EveryInstructionOfAnIfEvalLineBuilds(string line)
    {
        var item = JsonNode.Parse(line)!.AsObject();
        var ids = item["instruction_id_list"]!.AsArray();
        var kwargs = item["kwargs"]!.AsArray();
        Assert.Equal(ids.Count, kwargs.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var instruction = InstructionRegistry.Create(ids[i]!.GetValue<string>(), kwargs[i]?.AsObject(), item["prompt"]!.GetValue<string>());
            Assert.Equal(ids[i]!.GetValue<string>(), instruction.Id);
        }
    }

    [Fact]
    public void AnIfEvalLineScoresAWrittenReply()
    {
        var line = JsonNode.Parse(AllLines.Single(l => l.Contains("\"key\": 1609")))!.AsObject();
        var reply = "\"Weekend plans are the easiest opener.\n\nAsk her about a film.\n\nKeep it light.\n\nThen ask her out.\"";
        var ids = line["instruction_id_list"]!.AsArray();
        for (var i = 0; i < ids.Count; i++)
            Assert.True(InstructionRegistry.Create(ids[i]!.GetValue<string>(), line["kwargs"]![i]!.AsObject(), "").Follows(reply));
    }

    [Fact]
    public void TheHuggingFaceCopyWithEveryKwargNullBuildsToo()
    {
        // google/IFEval on Hugging Face lists every kwarg of every instruction, null where it does not apply.
        var kwargs = JsonNode.Parse("""
            {"num_highlights": null, "relation": "at least", "num_words": 300, "num_placeholders": null, "prompt_to_repeat": null,
             "num_bullets": null, "section_spliter": null, "num_sections": null, "capital_relation": null, "capital_frequency": null,
             "keywords": null, "num_paragraphs": null, "language": null, "let_relation": null, "letter": null, "let_frequency": null,
             "end_phrase": null, "forbidden_words": null, "keyword": null, "frequency": null, "num_sentences": null,
             "postscript_marker": null, "first_word": null, "nth_paragraph": null}
            """)!.AsObject();
        Assert.True(InstructionRegistry.Create("length_constraints:number_words", kwargs, "").Follows(string.Join(' ', Enumerable.Repeat("word", 300))));
    }
}
