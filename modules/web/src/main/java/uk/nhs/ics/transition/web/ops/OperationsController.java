package uk.nhs.ics.transition.web.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.nhs.ics.transition.web.security.Action;
import uk.nhs.ics.transition.web.security.Requires;

/** The projections, for operators: where each stands, replays, dead letters. */
@RestController
@RequestMapping("/api/v1/admin/projections")
@Tag(name = "Operations")
public class OperationsController {

    private final ProjectionAdministration administration;

    public OperationsController(ProjectionAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Requires(Action.OBSERVE_OPERATIONS)
    @Operation(summary = "Each projection: position, lag in events, replay state and progress %")
    public List<ProjectionStatus> projections() {
        return administration.statuses();
    }

    @GetMapping("/{name}")
    @Requires(Action.OBSERVE_OPERATIONS)
    @Operation(summary = "One projection's position, lag, replay state and progress")
    public ProjectionStatus projection(@PathVariable String name) {
        return administration.status(name);
    }

    @PostMapping("/{name}/replay")
    @Requires(Action.OPERATE)
    @Operation(summary = "Rebuild a read model from the start of history; the service keeps answering meanwhile")
    public ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(administration.replay(name));
    }

    @GetMapping("/{name}/dead-letters")
    @Requires(Action.OBSERVE_OPERATIONS)
    @Operation(summary = "Events the projection could not handle, with their cause")
    public List<DeadLetterView> deadLetters(@PathVariable String name) {
        return administration.deadLetters(name);
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Requires(Action.OPERATE)
    @Operation(summary = "Retry every dead-lettered event once; answers how many remain")
    public Map<String, Long> retry(@PathVariable String name) {
        return Map.of("remaining", administration.retryDeadLetters(name));
    }
}
