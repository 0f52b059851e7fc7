namespace Arena.Starter.World;

/// <summary>Colors, what food is made of, what to wear in which weather, and where to go for what.</summary>
internal static class EverydayTopics
{
    public static TableTopic Colors { get; } = new(
        "color",
        [("the sky", "blue"), ("grass", "green"), ("a banana", "yellow"), ("snow", "white"), ("coal", "black"),
         ("a strawberry", "red"), ("an orange", "orange"), ("a lemon", "yellow"), ("a cloud", "white"), ("a leaf", "green"),
         ("a tomato", "red"), ("a carrot", "orange"), ("a plum", "purple"), ("chocolate", "brown"), ("the sea", "blue"),
         ("milk", "white"), ("a pumpkin", "orange"), ("an eggplant", "purple"), ("a fire truck", "red"), ("soil", "brown")],
        [
            "What color is {s}?", "What is the color of {s}?", "Tell me the color of {s}.",
            new("Which color would you say {s} is?", HeldOut: true),
            new("If I paint {s}, which color should I use?", HeldOut: true),
        ],
        "{s} is {o}.",
        ["Colors help us tell things apart.",
         "It's one of the first colors that kids learn to name.",
         "You can see this color best in daylight."]);

    public static TableTopic Ingredients { get; } = new(
        "food",
        [("bread", "flour, water and yeast"), ("cheese", "milk"), ("butter", "cream"), ("jam", "fruit and sugar"),
         ("pasta", "flour and eggs"), ("soup", "water, vegetables and salt"), ("tea", "dried leaves"),
         ("juice", "pressed fruit"), ("popcorn", "corn"), ("yogurt", "milk"), ("chocolate", "cocoa beans and sugar"),
         ("ice cream", "milk, cream and sugar"), ("a cake", "flour, eggs, sugar and butter"),
         ("a salad", "fresh vegetables and leaves"), ("a pizza", "dough, tomato and cheese"), ("porridge", "oats and milk")],
        [
            "What is {s} made from?", "What is in {s}?", "What goes into {s}?",
            new("Which ingredients are used for {s}?", HeldOut: true),
            new("What do cooks put in {s}?", HeldOut: true),
        ],
        "{s} is made from {o}.",
        ["You can find it in most kitchens.",
         "Many people enjoy it as part of their meals.",
         "It's simple food, and it tastes good."]);

    public static TableTopic Weather { get; } = new(
        "weather",
        [("it rains", "wear a coat and take an umbrella"), ("it snows", "wear a warm coat, a hat and gloves"),
         ("it is hot and sunny", "wear light clothes and a sun hat"), ("it is windy", "wear a jacket and hold on to your hat"),
         ("it is cold", "wear a thick sweater and a scarf"), ("it is foggy", "wear bright clothes and walk slowly"),
         ("there is a storm", "stay inside and keep away from windows"), ("it is warm", "wear a shirt and shorts"),
         ("it is icy", "wear boots with a good grip")],
        [
            "What should I wear when {s}?", "What do I need when {s}?", "When {s}, what should I put on?",
            new("How should I dress on a day when {s}?", HeldOut: true),
            new("Any advice for going out when {s}?", HeldOut: true),
        ],
        "When {s}, you should {o}.",
        ["It's smart to check the weather before you go out.",
         "Don't forget to look at the sky first, as it can change fast.",
         "Good clothes make bad weather easier to enjoy."]);

    public static TableTopic Places { get; } = new(
        "place",
        [("buy bread", "a bakery"), ("borrow books", "a library"), ("see a doctor", "a clinic"),
         ("send a letter", "a post office"), ("catch a train", "a station"), ("see wild animals", "a zoo"),
         ("go swimming", "a pool"), ("buy fresh food", "a market"), ("watch a film", "a cinema"),
         ("learn to read", "a school"), ("buy medicine", "a pharmacy"), ("play football", "a park"),
         ("fix a car", "a garage"), ("get a haircut", "a barber"), ("keep money safe", "a bank"),
         ("see paintings", "a museum"), ("wash clothes", "a laundry")],
        [
            "Where can I {s}?", "Where do people go to {s}?", "Where should I go to {s}?",
            new("Which place is best if I want to {s}?", HeldOut: true),
            new("I would like to {s}. Where is that done?", HeldOut: true),
        ],
        "You can {s} at {o}.",
        ["It's easy to find one in most towns.",
         "Many people visit it every week.",
         "Most towns have one close to their center."]);
}
