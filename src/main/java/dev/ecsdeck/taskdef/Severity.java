package dev.ecsdeck.taskdef;

/** How bad a {@link Problem} is: ERROR means ECS refuses the document, WARNING that it registers but will likely hurt. */
public enum Severity {
    ERROR, WARNING
}
