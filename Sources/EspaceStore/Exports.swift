// Services write their queries with SQLKit's builders; they import EspaceStore only.
@_exported import SQLKit
import Foundation
