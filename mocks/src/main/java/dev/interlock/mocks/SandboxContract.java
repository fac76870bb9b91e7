package dev.interlock.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.internal.ContractVersion;
import dev.interlock.mocks.internal.OperationModel;
import dev.interlock.mocks.internal.Responder;
import dev.interlock.mocks.internal.Router;
import java.util.List;
import java.util.Optional;

/**
 * The contract as the sandbox reads it, for code that drives or judges a sandbox from outside (the
 * verifiers' {@code sandbox.conforms-to-spec}, the bench): its operations, which operation a
 * request routes to, the document with {@code $ref}s followed, and values synthesized from its
 * schemas exactly as the sandbox synthesizes them. It answers questions only; it never judges a
 * response — that is the verifiers' job. Read-only and thread-safe.
 */
public final class SandboxContract {

  /** An operation of the contract, as the sandbox routes to it. */
  public static final class Operation {
    private final OperationModel model;

    private Operation(OperationModel model) {
      this.model = model;
    }

    /** The operation's id, or null when the contract names none. */
    public String id() {
      return model.id();
    }

    /** Upper-case HTTP method. */
    public String method() {
      return model.method();
    }

    /** The path template as the contract spells it, without the servers' base path. */
    public String template() {
      return model.template();
    }

    /** Where the operation sits in the contract's document. */
    public JsonPointer pointer() {
      return model.pointer();
    }

    /** The operation's node in the document. */
    public JsonNode node() {
      return model.node();
    }

    /** The response key that covers a status: exact, then {@code 4XX}, then {@code default}. */
    public Optional<String> responseKeyFor(int status) {
      return model.responseKeyFor(status);
    }

    @Override
    public String toString() {
      return model.toString();
    }
  }

  /**
   * A request path mapped to an operation.
   *
   * @param operation the operation the sandbox would answer with
   * @param operationPath the request's path without the servers' base path
   */
  public record Route(Operation operation, String operationPath) {}

  private final ContractVersion version;
  private final Router router;
  private final List<Operation> operations;

  private SandboxContract(OpenApiContract contract) {
    this.version = new ContractVersion(contract);
    this.router = new Router(List.of(version));
    this.operations = version.operations().stream().map(Operation::new).toList();
  }

  /** Reads a contract the way a sandbox of it would; costs one walk of the document. */
  public static SandboxContract of(OpenApiContract contract) {
    return new SandboxContract(contract);
  }

  public OpenApiContract contract() {
    return version.contract();
  }

  /** Every operation, in document order. */
  public List<Operation> operations() {
    return operations;
  }

  /** The servers' base paths, the first one first; {@code ""} when the contract has none. */
  public List<String> basePaths() {
    return version.basePaths();
  }

  /** The operation a request reaches, or empty when the sandbox would answer 404 or 405. */
  public Optional<Route> route(String method, String path) {
    Router.Result result = router.route(method, path);
    if (!result.found()) {
      return Optional.empty();
    }
    Router.Match match = result.matches().get(0);
    return Optional.of(new Route(new Operation(match.operation()), match.operationPath()));
  }

  /** The document's root node. */
  public JsonNode root() {
    return version.tree().root();
  }

  /** The node at a pointer, or a missing node. */
  public JsonNode at(JsonPointer pointer) {
    return version.tree().at(pointer);
  }

  /** The node a {@code $ref} node points to (the node itself when it is no reference). */
  public JsonNode deref(JsonNode node) {
    return version.tree().deref(node);
  }

  /** The pointer a {@code $ref} at a pointer leads to (the pointer itself when it is none). */
  public JsonPointer derefPointer(JsonPointer pointer) {
    return version.tree().derefPointer(pointer);
  }

  /** Walks a pointer through the document, following {@code $ref}s at every step. */
  public JsonPointer resolve(JsonPointer start, String... tokens) {
    return version.resolve(start, tokens);
  }

  /** Whether a value is valid against the schema at a pointer, as the sandbox validates. */
  public boolean accepts(JsonPointer schema, JsonNode value) {
    return version.validate(schema, value).isEmpty();
  }

  /**
   * A request-side value for the schema at a pointer, synthesized as the sandbox does: the same
   * seed and salt give the same value.
   */
  public JsonNode synthesize(JsonPointer schema, String salt, long seed) {
    return new Responder(seed).synthesize(version, schema, salt, false);
  }
}
