/// English words too common to be keywords: function words, and the words every job
/// posting uses (`experience`, `team`, `role`, `work`), which say nothing about the job.
public enum StopWords {
    /// True when `word` (lower-cased) is a stop word.
    public static func contains(_ word: String) -> Bool { all.contains(word) }

    static let function: Set<String> = Set("""
        a about above after again against all also am an and any are aren't as at be because been before being below \
        between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each \
        either etc few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's \
        hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's may \
        me might more most must mustn't my myself no nor not of off on once only or other ought our ours ourselves \
        out over own per same shall shan't she she'd she'll she's should shouldn't so some such than that that's the \
        their theirs them themselves then there there's these they they'd they'll they're they've this those through \
        to too under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's when \
        when's where where's which while who who's whom why why's will with within without won't would wouldn't you \
        you'd you'll you're you've your yours yourself yourselves e.g i.e one two three four five six seven eight \
        nine ten new well like just every many much including include includes across along among around
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    static let postingNoise: Set<String> = Set("""
        experience experiences experienced team teams role roles work working job jobs position positions candidate \
        candidates company companies opportunity opportunities ability abilities strong excellent good great \
        plus preferred required requirement requirements qualification qualifications responsibilities \
        responsibility responsible year years skill skills knowledge understanding looking join help ideal \
        applicant applicants apply benefits benefit offer offers equal employer including using use based \
        need needs want able make makes made time full part day days environment world best get key \
        level related relevant must-have nice demonstrated proven successful success highly other others \
        ensure provide provides providing support supports within across minimum least etc you'll we're \
        who you our will all about description summary duties duty
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    static let all: Set<String> = function.union(postingNoise)
}
