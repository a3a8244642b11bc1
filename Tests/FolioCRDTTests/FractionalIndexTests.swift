import FolioCRDT
import PropertyBased
import Testing

@Suite struct FractionalIndexTests {
    @Test func keysSortBetweenTheirNeighbours() {
        var rng = SplitMix64(seed: 3)
        let first = FractionalIndex.between(nil, nil, using: &rng)
        let before = FractionalIndex.between(nil, first, using: &rng)
        let after = FractionalIndex.between(first, nil, using: &rng)
        let middle = FractionalIndex.between(before, first, using: &rng)
        #expect([before, middle, first, after] == [before, middle, first, after].sorted())
        for key in [first, before, after, middle] { #expect(FractionalIndex.isValid(key)) }
    }

    @Test func concurrentInsertsAtTheSamePlaceGetDifferentKeys() {
        var one = SplitMix64(seed: 1), two = SplitMix64(seed: 2)
        let a = FractionalIndex.between("V", "W", using: &one)
        let b = FractionalIndex.between("V", "W", using: &two)
        #expect(a != b)
        #expect("V" < a && a < "W" && "V" < b && b < "W")
    }

    @Test func validKeys() {
        #expect(FractionalIndex.isValid("V"))
        #expect(FractionalIndex.isValid("a0z"))
        #expect(!FractionalIndex.isValid(""))
        #expect(!FractionalIndex.isValid("a0"))
        #expect(!FractionalIndex.isValid("a-b"))
    }

    @Test func sequencesAreIncreasingAndShort() {
        var rng = SplitMix64(seed: 9)
        let keys = FractionalIndex.sequence(count: 50, after: nil, before: "b", using: &rng)
        #expect(keys == keys.sorted() && Set(keys).count == 50 && keys.last! < "b")
        let many = FractionalIndex.sequence(count: 20_000, after: nil, before: nil, using: &rng)
        #expect(many == many.sorted() && Set(many).count == 20_000 && many.allSatisfy(FractionalIndex.isValid))
        #expect(many.map(\.count).max()! <= 6)
        let between = FractionalIndex.sequence(count: 1_000, after: "V", before: "W", using: &rng)
        #expect(between == between.sorted() && between.first! > "V" && between.last! < "W")
        #expect(between.map(\.count).max()! <= 50)
    }

    /// Random inserts anywhere in a list always land strictly between their neighbours.
    @Test func randomInsertsKeepOrder() async {
        await propertyCheck(count: 200, input: Gen.uint64(), Gen.int(in: 1...60)) { seed, steps in
            var rng = SplitMix64(seed: seed)
            var keys: [String] = []
            for _ in 0..<steps {
                let index = Int.random(in: 0...keys.count, using: &rng)
                let lower = index > 0 ? keys[index - 1] : nil
                let upper = index < keys.count ? keys[index] : nil
                let key = FractionalIndex.between(lower, upper, using: &rng)
                #expect(FractionalIndex.isValid(key))
                #expect(lower.map { $0.utf8.lexicographicallyPrecedes(key.utf8) } ?? true)
                #expect(upper.map { key.utf8.lexicographicallyPrecedes($0.utf8) } ?? true)
                keys.insert(key, at: index)
            }
        }
    }
}
