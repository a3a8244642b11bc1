import FolioCore

/// The reply to `GET /v1/me`: who the token belongs to, the spaces the user is a member of
/// with the user's role in each, and the server's clock.
public struct MeResponse: Sendable, Hashable {
    /// A space and the caller's role in it (`owner`, `editor`, `coach`, `viewer`).
    public struct Space: Sendable, Hashable {
        /// The space's id.
        public var id: String
        /// The caller's role.
        public var role: String

        /// A space from its parts.
        public init(id: String, role: String) {
            self.id = id
            self.role = role
        }
    }

    /// The user's id.
    public var user: String
    /// The user's email.
    public var email: String
    /// The spaces, by id.
    public var spaces: [Space]
    /// The server's clock reading.
    public var serverHLC: String

    /// A reply from its parts.
    public init(user: String, email: String, spaces: [Space], serverHLC: String) {
        self.user = user
        self.email = email
        self.spaces = spaces
        self.serverHLC = serverHLC
    }

    /// The reply's JSON.
    public var json: JSONValue {
        ["user": .string(user), "email": .string(email),
         "spaces": .array(spaces.map { ["id": .string($0.id), "role": .string($0.role)] }),
         "server_hlc": .string(serverHLC)]
    }

    /// Reads a reply.
    public init(json: JSONValue) throws(WireError) {
        let object = try WireObject(json, at: "")
        user = try object.string("user")
        email = try object.string("email")
        serverHLC = try object.string("server_hlc")
        spaces = try object.array("spaces").enumerated().map { (index, item) throws(WireError) in
            let space = try WireObject(item, at: "spaces[\(index)]")
            return Space(id: try space.string("id"), role: try space.string("role"))
        }
    }
}
