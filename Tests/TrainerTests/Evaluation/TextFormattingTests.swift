import Testing
@testable import Trainer

@Suite struct TextFormattingTests {
    @Test("a table aligns names left and numbers right, without trailing spaces")
    func table() {
        var t = TextTable()
        t.append(["label", "n"])
        t.append(["call_for_restraint", "12"])
        t.append(["x", "3", ""])
        #expect(t.text == "label                n\ncall_for_restraint  12\nx                    3\n")
        var left = TextTable(leftColumns: [0, 1])
        left.append(["a", "bb"])
        left.append(["ccc", "d"])
        #expect(left.text == "a    bb\nccc  d\n")
    }

    @Test("JSON keeps key order, escapes strings and writes Arabic as UTF-8")
    func json() {
        let value = JSONValue.object([
            ("z", .integer(1)), ("a", .array([.number(0.5), .number(.nan), .bool(true), .null])),
            ("text", .string("قال \"لا\"\\\n\t\u{1}")), ("empty", .object([])), ("list", .array([])),
            ("nested", .array([.object([("k", .string("v"))])])),
        ])
        #expect(value.rendered() == """
            {
              "z": 1,
              "a": [0.5, null, true, null],
              "text": "قال \\"لا\\"\\\\\\n\\t\\u0001",
              "empty": {},
              "list": [],
              "nested": [
                {
                  "k": "v"
                }
              ]
            }
            """)
    }

    @Test("numbers with four decimals, whatever the locale")
    func decimals() {
        #expect(format(0.123449) == "0.1234")
        #expect(format(0.99996) == "1.0000")
        #expect(format(-0.25) == "-0.2500")
        #expect(format(0.45, decimals: 2) == "0.45")
    }
}
