
        .matchHeader("${header}", "${regexLiteral}", "${exampleLiteral}")