import FolioCore

extension CareerReport {
    /// The report as JSON, for `folio report --json`. Rates are fractions (0.25 = 25%).
    public var json: JSONValue {
        var object = JSONObject([
            ("today", .string(options.today.description)), ("ghostAfterDays", .number(Double(options.ghostAfter))),
            ("applications", .number(Double(total))), ("savedOnly", .number(Double(saved))),
        ])
        if let since = options.since { object["since"] = .string(since.description) }
        object["overall"] = overall.json
        object["funnel"] = .array(funnel.map(\.json))
        object["weeks"] = .array(weeks.map { week in
            .object(JSONObject([("start", .string(week.start.description)), ("count", .number(Double(week.count)))]))
        })
        object["byVariant"] = .array(byVariant.map(\.json))
        object["bySource"] = .array(bySource.map(\.json))
        object["byRole"] = .array(byRole.map(\.json))
        object["byCompanySize"] = .array(byCompanySize.map(\.json))
        return .object(object)
    }
}

extension GroupStats {
    /// The group's figures as JSON.
    public var json: JSONValue {
        .object(JSONObject([
            ("label", .string(label)), ("count", .number(Double(count))), ("responded", .number(Double(responded))),
            ("responseRate", .number(Self.rounded(responseRate))), ("interviews", .number(Double(interviews))),
            ("interviewRate", .number(Self.rounded(interviewRate))), ("offers", .number(Double(offers))),
            ("ghosted", .number(Double(ghosted))), ("ghostedRate", .number(Self.rounded(ghostedRate))),
            ("medianResponseDays", medianResponseDays.map(JSONValue.number) ?? .null), ("smallSample", .bool(isSmallSample)),
        ]))
    }

    /// Four decimals: enough for a rate, and stable across platforms.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

extension FunnelStage {
    /// The stage as JSON.
    public var json: JSONValue {
        .object(JSONObject([("stage", .string(name)), ("count", .number(Double(count))),
                            ("conversion", .number(GroupStats.rounded(conversion))),
                            ("ofApplied", .number(GroupStats.rounded(ofApplied)))]))
    }
}
