
    this.${field} = new ${adapterClass}(runtime);