namespace CchcBot.TestSupport; public static class Placeholder { }
